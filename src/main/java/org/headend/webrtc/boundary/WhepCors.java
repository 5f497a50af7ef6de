package org.headend.webrtc.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import org.headend.webrtc.control.IceServers;

/**
 * WHEP's headers for players on other sites: CORS open to any origin without credentials (a
 * cookie never crosses sites, so a protected stream needs the bearer token there), and the ICE
 * servers the node hands its viewers, as {@code Link} headers the WHEP draft defines.
 */
@ApplicationScoped
public class WhepCors {

    @Inject
    IceServers iceServers;

    void allow(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Expose-Headers", "Location, Link, Accept-Post");
    }

    void preflight(HttpServletResponse response, boolean onStream) {
        response.setHeader("Access-Control-Allow-Methods", onStream ? "OPTIONS, POST" : "OPTIONS, PATCH, DELETE");
        response.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization");
        response.setHeader("Access-Control-Max-Age", "600");
        if (onStream) {
            response.setHeader("Accept-Post", WhepServlet.SDP);
            iceServers(response);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    void iceServers(HttpServletResponse response) {
        iceServers.linkHeaders().forEach(link -> response.addHeader("Link", link));
    }
}
