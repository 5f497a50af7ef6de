package org.headend.webrtc.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;
import java.util.logging.Logger;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.Stream;
import org.headend.webrtc.control.GoLiveTokens;
import org.omnifaces.util.Faces;
import org.primefaces.PrimeFaces;

/**
 * The "Go live from this browser" page ({@code /go-live?stream=<id>}, staff only): the browser
 * publishes its camera and microphone over WHIP. The console never knows the stream key, so each
 * Start fetches a one-off token bound to the stream ({@link GoLiveTokens}) through an ajax call;
 * the token is never part of the rendered page or a URL.
 */
@Named
@ViewScoped
public class GoLiveView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(GoLiveView.class.getName());

    @Inject
    transient StreamStore streams;

    @Inject
    transient GoLiveTokens tokens;

    private String stream;
    private String name;
    private String refusal;

    /** Loads the stream named by {@code ?stream=}; an unknown one answers 404. */
    public void load() throws IOException {
        Optional<Stream> found = stream == null ? Optional.empty() : streams.find(stream);
        if (found.isEmpty()) {
            Faces.responseSendError(404, "No such stream.");
            return;
        }
        name = found.get().name();
        if (found.get().input().type().listens()) {
            refusal = "This stream takes its input over "
                    + found.get().input().type().name() + "; change its input to RTMP to go live from a browser.";
        }
    }

    /** Hands the browser a fresh token, as the ajax call's callback parameter {@code token}. */
    public void issueToken() {
        if (refusal != null || name == null) {
            return;
        }
        LOG.info(() -> "Go-live token issued for stream " + name + " to " + Faces.getRemoteUser());
        PrimeFaces.current().ajax().addCallbackParam("token", tokens.issue(stream));
    }

    public String getStream() {
        return stream;
    }

    public void setStream(String stream) {
        this.stream = stream;
    }

    public String getName() {
        return name;
    }

    public String getRefusal() {
        return refusal;
    }
}
