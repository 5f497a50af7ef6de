package org.headend.webrtc.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.headend.platform.Problem;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.control.StreamNames;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.Stream;
import org.headend.stream.entity.StreamState;
import org.headend.webrtc.control.JanusException;
import org.headend.webrtc.control.WebRtcViewers;
import org.headend.webrtc.control.WhepViewer;

/**
 * WHEP playback at {@code /whep/{name}}, in the draft's counter-offer form because Janus 1.1.2's
 * Streaming plugin only makes offers: a {@code POST} (the player's offer, ignored, or no body)
 * answers {@code 406 Not Acceptable} with Janus's offer as {@code application/sdp} and the
 * viewer's resource as {@code Location}; the player {@code PATCH}es its answer there
 * ({@code 204}) and {@code DELETE}s it to leave ({@code 200}). The resource's unguessable name is
 * the viewer's credential after the POST, which is authorised as the stream's HLS is
 * ({@link WhepAccess}). Every refusal happens before Janus is asked anything.
 */
@WebServlet("/whep/*")
public class WhepServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WhepServlet.class.getName());
    static final String SDP = "application/sdp";
    static final String TRICKLE = "application/trickle-ice-sdpfrag";

    @Inject
    transient StreamStore streams;

    @Inject
    transient LiveStreams live;

    @Inject
    transient WebRtcViewers viewers;

    @Inject
    transient WhepAccess access;

    @Inject
    transient WhepMetrics metrics;

    @Inject
    transient WhepCors cors;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        cors.allow(response);
        String[] parts = request.getPathInfo() == null
                ? new String[0]
                : request.getPathInfo().split("/");
        boolean onStream = parts.length == 2;
        boolean onResource = parts.length == 3;
        if (!onStream && !onResource) {
            problem(request, response, 404, "Not found", "WHEP lives at /whep/{name}.");
            return;
        }
        switch (request.getMethod()) {
            case "OPTIONS" -> cors.preflight(response, onStream);
            case "POST" -> {
                if (onStream) {
                    post(parts[1], request, response);
                } else {
                    notAllowed(response, "OPTIONS, PATCH, DELETE");
                }
            }
            case "PATCH" -> {
                if (onResource) {
                    patch(parts[1], parts[2], request, response);
                } else {
                    notAllowed(response, "OPTIONS, POST");
                }
            }
            case "DELETE" -> {
                if (onResource) {
                    delete(parts[1], parts[2], request, response);
                } else {
                    notAllowed(response, "OPTIONS, POST");
                }
            }
            default -> notAllowed(response, onStream ? "OPTIONS, POST" : "OPTIONS, PATCH, DELETE");
        }
    }

    private void post(String name, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> body = WhepBodies.sdp(request, response, SDP);
        if (body.isEmpty()) {
            metrics.count(WhepMetrics.INVALID);
            return;
        }
        Optional<Stream> stream = named(name);
        if (stream.isEmpty()) {
            metrics.count(WhepMetrics.NOT_FOUND);
            problem(request, response, 404, "Not found", "No such stream.");
            return;
        }
        Optional<Problem> refusal = access.refusal(request, stream.get());
        if (refusal.isPresent()) {
            metrics.count(WhepMetrics.REFUSED);
            if (refusal.get().status() == 401) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"headend\"");
            }
            refusal.get().writeTo(response);
            return;
        }
        if (live.status(stream.get().id(), name).state() != StreamState.LIVE) {
            metrics.count(WhepMetrics.NOT_FOUND);
            problem(request, response, 409, "Conflict", "The stream is not on air.");
            return;
        }
        WhepViewer viewer;
        try {
            viewer = viewers.join(stream.get().id(), name);
        } catch (JanusException e) {
            metrics.count(WhepMetrics.FAILED);
            LOG.warning(() -> "WebRTC playback of " + name + " could not start: " + e.getMessage());
            problem(request, response, 503, "Service unavailable", "WebRTC playback is not available now.");
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
        response.setHeader("Location", request.getContextPath() + "/whep/" + name + "/" + viewer.resource());
        cors.iceServers(response);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(SDP);
        response.getOutputStream().write(viewer.offer().getBytes(StandardCharsets.UTF_8));
    }

    private void patch(String name, String resource, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<WhepViewer> viewer = viewerOf(name, resource);
        if (viewer.isEmpty()) {
            problem(request, response, 404, "Not found", "No such WHEP session.");
            return;
        }
        if (WhepBodies.isType(request, TRICKLE)) {
            // Janus's offer carries all its candidates and players answer after gathering theirs:
            // nothing is trickled, and the draft lets a server say so.
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        Optional<String> answer = WhepBodies.sdp(request, response, SDP);
        if (answer.isEmpty()) {
            metrics.count(WhepMetrics.INVALID);
            return;
        }
        if (answer.get().isEmpty()) {
            problem(request, response, 400, "Bad request", "The PATCH must carry the player's SDP answer.");
            metrics.count(WhepMetrics.INVALID);
            return;
        }
        try {
            if (!viewers.answer(resource, answer.get())) {
                problem(request, response, 404, "Not found", "No such WHEP session.");
                return;
            }
        } catch (JanusException e) {
            metrics.count(WhepMetrics.FAILED);
            viewers.leave(resource, "Janus refused the answer");
            problem(request, response, 400, "Bad request", "The answer was refused: " + e.getMessage());
            return;
        }
        metrics.count(WhepMetrics.OK);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private void delete(String name, String resource, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (viewerOf(name, resource).isEmpty() || !viewers.leave(resource, "the player ended it")) {
            problem(request, response, 404, "Not found", "No such WHEP session.");
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
    }

    private Optional<WhepViewer> viewerOf(String name, String resource) {
        return named(name).flatMap(stream -> viewers.viewer(resource)
                .filter(v -> v.streamId().equals(stream.id())));
    }

    private Optional<Stream> named(String name) {
        return StreamNames.isValid(name) ? streams.byName(name) : Optional.empty();
    }

    private static void notAllowed(HttpServletResponse response, String allow) throws IOException {
        response.setHeader("Allow", allow);
        new Problem(405, "Method not allowed", "Allowed here: " + allow + ".", null).writeTo(response);
    }

    private static void problem(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        new Problem(status, title, detail, request.getRequestURI()).writeTo(response);
    }
}
