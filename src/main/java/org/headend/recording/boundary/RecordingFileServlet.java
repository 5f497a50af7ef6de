package org.headend.recording.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.headend.platform.ApiException;
import org.headend.platform.GetOnlyServlet;

/**
 * The console's download of a recording, {@code /recording/{id}/file} (not below /recordings, which is the page), for a signed-in session
 * (the console filter sends others to sign in); the API's twin wants a bearer token instead.
 */
@WebServlet(urlPatterns = "/recording/*")
public class RecordingFileServlet extends GetOnlyServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RecordingOperations operations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        if (request.getUserPrincipal() == null || info == null || !info.matches("/[0-9a-f-]{36}/file")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String id = info.substring(1, 37);
        Path file;
        try {
            file = operations.file(id);
        } catch (ApiException refused) {
            response.sendError(refused.status(), refused.getMessage());
            return;
        }
        long size = Files.size(file);
        var answer = Mp4Download.answer(request.getHeader("Range"), size);
        response.setStatus(answer.status());
        response.setHeader("Accept-Ranges", "bytes");
        if (answer.contentRange() != null) {
            response.setHeader("Content-Range", answer.contentRange());
        }
        if (answer.status() == 416) {
            return;
        }
        response.setContentType(Mp4Download.TYPE);
        response.setContentLengthLong(answer.length());
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + operations.existing(id).streamName() + "-" + id.substring(0, 8) + ".mp4\"");
        Mp4Download.copy(file, answer, response.getOutputStream());
    }
}
