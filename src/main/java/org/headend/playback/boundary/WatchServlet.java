package org.headend.playback.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.headend.platform.GetOnlyServlet;
import org.headend.platform.Problem;
import org.headend.playback.control.ViewerLog;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.control.StreamNames;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.Stream;

/**
 * The watch page at {@code /watch/{name}} and its status at {@code /watch/{name}/status}. A public
 * stream is open to anyone; a protected one to every signed-in role, anonymous callers being sent
 * to sign in and back. The console's filter leaves these paths to this servlet, which alone knows
 * whether the stream is public.
 */
@WebServlet("/watch/*")
public class WatchServlet extends GetOnlyServlet {

    private static final long serialVersionUID = 1L;
    static final String STREAM = "org.headend.watch.stream";
    /** Below WEB-INF: reachable only through this servlet, and out of OmniFaces' extensionless views. */
    private static final String VIEW = "/WEB-INF/views/watch.xhtml";

    @Inject
    transient StreamStore streams;

    @Inject
    transient LiveStreams live;

    @Inject
    transient ViewerLog viewers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String[] parts = request.getPathInfo() == null
                ? new String[0]
                : request.getPathInfo().split("/");
        boolean status = parts.length == 3 && parts[2].equals("status");
        Optional<Stream> stream = parts.length == 2 || status ? named(parts[1]) : Optional.empty();
        if (stream.isEmpty()) {
            if (status) {
                new Problem(404, "Not found", "No such stream.", request.getRequestURI()).writeTo(response);
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such stream.");
            }
            return;
        }
        if (!stream.get().isPublic() && request.getUserPrincipal() == null) {
            if (status) {
                new Problem(401, "Unauthorized", "Sign in to see this stream's status.", request.getRequestURI())
                        .writeTo(response);
            } else {
                String next = URLEncoder.encode("/watch/" + stream.get().name(), StandardCharsets.UTF_8);
                response.sendRedirect(request.getContextPath() + "/login?next=" + next);
            }
            return;
        }
        if (status) {
            writeStatus(stream.get(), response);
        } else {
            request.setAttribute(STREAM, stream.get());
            request.getRequestDispatcher(VIEW).forward(request, response);
        }
    }

    private Optional<Stream> named(String name) {
        return StreamNames.isValid(name) ? streams.byName(name) : Optional.empty();
    }

    private void writeStatus(Stream stream, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write(Json.createObjectBuilder()
                        .add(
                                "state",
                                live.status(stream.id(), stream.name()).state().name())
                        .add("viewers", viewers.viewers(stream.name()))
                        .build()
                        .toString());
    }
}
