package org.headend.webrtc.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.headend.platform.Problem;
import org.headend.stream.entity.Stream;
import org.headend.webrtc.control.JanusException;
import org.headend.webrtc.control.TrickleFragment;
import org.headend.webrtc.control.WhipOffer;
import org.headend.webrtc.control.WhipPublisher;
import org.headend.webrtc.control.WhipPublishers;

/**
 * The WHIP endpoint (RFC 9725): {@code POST /whip} with an SDP offer and the stream key (or a
 * console go-live token) as Bearer opens a publishing session at {@code /whip/{id}}, which takes
 * trickled candidates by {@code PATCH} and ends by {@code DELETE}. Every check comes before Janus
 * is asked anything, so a refusal leaves nothing behind. CORS is open: the Bearer, not a cookie,
 * is the credential.
 */
@WebServlet({"/whip", "/whip/*"})
public class WhipServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WhipServlet.class.getName());
    static final String SDP = "application/sdp";
    static final String FRAGMENT = "application/trickle-ice-sdpfrag";

    @Inject
    transient WhipPublishers publishers;

    @Inject
    transient WhipAccess access;

    @Inject
    transient WhipMetrics metrics;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        WhipHeaders.cors(response);
        if ("PATCH".equals(request.getMethod())) {
            doPatch(request, response);
        } else {
            super.service(request, response);
        }
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        WhipHeaders.preflight(response, resourceId(request).isEmpty());
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (resourceId(request).isPresent()) {
            problem(request, response, 405, "Method not allowed", "POST goes to the WHIP endpoint, /whip.");
            return;
        }
        String bearer = WhipHeaders.bearer(request);
        Optional<Stream> stream = access.streamFor(bearer);
        if (stream.isEmpty()) {
            metrics.count(WhipMetrics.UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer");
            problem(request, response, 401, "Unauthorized", "Send the stream key as the Bearer token.");
            return;
        }
        if (!WhipHeaders.isType(request, SDP)) {
            refuse(request, response, 415, "Unsupported media type", "The offer must be sent as " + SDP + ".");
            return;
        }
        WhipOffer offer;
        try {
            offer = WhipOffer.parse(WhipHeaders.body(request, WhipOffer.MAX_BYTES));
        } catch (WhipOffer.Invalid e) {
            refuse(request, response, 400, "Bad offer", e.getMessage());
            return;
        }
        Stream s = stream.get();
        Optional<String> busy = access.whyNotNow(s);
        if (busy.isPresent()) {
            refuse(request, response, 409, "Conflict", busy.get());
            return;
        }
        if (!access.useUp(bearer)) {
            metrics.count(WhipMetrics.UNAUTHORIZED);
            problem(request, response, 401, "Unauthorized", "The go-live token has been used or has expired.");
            return;
        }
        try {
            var opened = publishers.open(s.id(), s.name(), bearer, offer);
            metrics.count(WhipMetrics.ACCEPTED);
            response.setStatus(HttpServletResponse.SC_CREATED);
            response.setHeader("Location", request.getContextPath() + "/whip/" + opened.id());
            response.setHeader("ETag", opened.etag());
            access.iceServerLinks().forEach(link -> response.addHeader("Link", link));
            response.setContentType(SDP);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(opened.answer());
        } catch (WhipPublishers.Busy e) {
            refuse(request, response, 409, "Conflict", e.getMessage());
        } catch (JanusException | IOException | RuntimeException e) {
            metrics.count(WhipMetrics.FAILED);
            LOG.warning(() -> "A WHIP session of stream " + s.name() + " could not be set up: " + e.getMessage());
            problem(request, response, 503, "Service unavailable", "The WebRTC engine could not take the offer.");
        }
    }

    protected void doPatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<WhipPublisher> found = session(request, response);
        if (found.isEmpty()) {
            return;
        }
        WhipPublisher publisher = found.get();
        if (!WhipHeaders.isType(request, FRAGMENT)) {
            problem(request, response, 415, "Unsupported media type", "Candidates must be sent as " + FRAGMENT + ".");
            return;
        }
        String ifMatch = request.getHeader("If-Match");
        if ("*".equals(ifMatch)) {
            iceRestartRefused(request, response);
            return;
        }
        if (ifMatch != null && !ifMatch.equals(publisher.etag())) {
            problem(request, response, 412, "Precondition failed", "If-Match does not name this ICE session.");
            return;
        }
        TrickleFragment fragment;
        try {
            fragment = TrickleFragment.parse(WhipHeaders.body(request, WhipOffer.MAX_BYTES), publisher.offer());
        } catch (WhipOffer.Invalid e) {
            problem(request, response, 400, "Bad fragment", e.getMessage());
            return;
        }
        if (fragment.restartsIce(publisher.offer())) {
            iceRestartRefused(request, response);
            return;
        }
        try {
            publisher.trickle(fragment);
            response.setHeader("ETag", publisher.etag());
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } catch (JanusException e) {
            problem(request, response, 503, "Service unavailable", "The WebRTC engine did not take the candidates.");
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<WhipPublisher> found = session(request, response);
        if (found.isPresent()) {
            found.get().end("the publisher sent DELETE");
            response.setStatus(HttpServletResponse.SC_OK);
        }
    }

    /** RFC 9725 §4.3.2: a session that trickles but cannot restart ICE answers 422. */
    private static void iceRestartRefused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        problem(request, response, 422, "ICE restart not supported", "Start a new session with a new offer instead.");
    }

    /** The session the path names, if the request carries the Bearer it was opened with. */
    private Optional<WhipPublisher> session(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<WhipPublisher> publisher = resourceId(request).flatMap(publishers::find);
        if (publisher.isEmpty()) {
            problem(request, response, 404, "Not found", "No such WHIP session.");
            return Optional.empty();
        }
        if (!publisher.get().openedWith(WhipHeaders.bearer(request))) {
            response.setHeader("WWW-Authenticate", "Bearer");
            problem(request, response, 401, "Unauthorized", "Send the Bearer token the session was opened with.");
            return Optional.empty();
        }
        return publisher;
    }

    private void refuse(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        metrics.count(WhipMetrics.REFUSED);
        problem(request, response, status, title, detail);
    }

    /** The instance is the endpoint, never a session's path: that path is the session's handle. */
    private static void problem(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        new Problem(status, title, detail, request.getContextPath() + "/whip").writeTo(response);
    }

    private static Optional<String> resourceId(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.equals("/")) {
            return Optional.empty();
        }
        return Optional.of(info.substring(1));
    }
}
