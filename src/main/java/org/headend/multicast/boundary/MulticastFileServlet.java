package org.headend.multicast.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.headend.platform.ApiException;
import org.headend.platform.GetOnlyServlet;

/**
 * The console's links to {@code /multicast/{id}.sdp} and {@code /multicast/channels.m3u}, for a
 * signed-in session (the console filter sends others to sign in); the API's twins want a token.
 */
@WebServlet(urlPatterns = "/multicast/*")
public class MulticastFileServlet extends GetOnlyServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient MulticastFiles files;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        if (request.getUserPrincipal() == null || info == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String body;
        String type;
        try {
            if (info.equals("/channels.m3u")) {
                body = files.channelList();
                type = MulticastFiles.M3U;
            } else if (info.matches("/[0-9a-f-]{36}\\.sdp")) {
                body = files.sdp(info.substring(1, 37));
                type = MulticastFiles.SDP;
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        } catch (ApiException refused) {
            response.sendError(refused.status(), refused.getMessage());
            return;
        }
        response.setContentType(type);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }
}
