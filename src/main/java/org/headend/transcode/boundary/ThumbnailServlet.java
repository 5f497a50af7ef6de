package org.headend.transcode.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.headend.platform.ApiException;
import org.headend.platform.GetOnlyServlet;
import org.headend.transcode.control.Thumbnails;
import org.headend.transcode.entity.Thumbnail;

/**
 * The console's stream thumbnail, {@code /thumbnail/{id}.jpg}, for a signed-in session (the console
 * filter sends others to sign in); the API's twin wants a bearer token instead. Not below /stream,
 * which is the stream page.
 */
@WebServlet(urlPatterns = "/thumbnail/*")
public class ThumbnailServlet extends GetOnlyServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Thumbnails thumbnails;

    @Inject
    transient ThumbnailMetrics metrics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String info = request.getPathInfo();
        if (request.getUserPrincipal() == null || info == null || !info.matches("/[0-9a-f-]{36}\\.jpg")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Thumbnail latest;
        try {
            latest = thumbnails.latest(info.substring(1, 37));
        } catch (ApiException missing) {
            metrics.count(ThumbnailMetrics.MISSING);
            response.sendError(missing.status(), missing.getMessage());
            return;
        }
        metrics.count(ThumbnailMetrics.SERVED);
        response.setContentType(ThumbnailResource.JPEG);
        response.setHeader("Cache-Control", "no-store");
        response.setDateHeader("Last-Modified", latest.takenAt().toEpochMilli());
        response.setContentLength(latest.jpeg().length);
        response.getOutputStream().write(latest.jpeg());
    }
}
