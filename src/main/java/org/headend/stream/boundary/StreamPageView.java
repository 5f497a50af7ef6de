package org.headend.stream.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.headend.platform.ApiException;
import org.headend.stream.control.Audience;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.control.TranscoderLogs;
import org.headend.stream.entity.Stream;
import org.headend.stream.entity.StreamStatus;
import org.omnifaces.util.Faces;

/**
 * One stream's page: its status, renditions, a thumbnail, a preview player and the transcoder's last
 * log lines.
 */
@Named
@ViewScoped
public class StreamPageView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient StreamOperations operations;

    @Inject
    transient LiveStreams live;

    @Inject
    transient Audience audience;

    @Inject
    transient TranscoderLogs transcoders;

    @Inject
    transient StreamInputs inputs;

    @Inject
    transient HttpServletRequest request;

    private String id;
    private String name;
    private String ladder;

    /** Loads the stream named by the {@code id} parameter; an unknown one answers 404. */
    public void load() throws IOException {
        try {
            Stream stream = operations.existing(id == null ? "" : id);
            name = stream.name();
            ladder = stream.ladder();
        } catch (ApiException unknown) {
            Faces.responseSendError(404, unknown.getMessage());
        }
    }

    public StreamStatus getStatus() {
        return live.status(id, name);
    }

    public Map<String, Object> getFigures() {
        return StreamFigures.of(getStatus(), Instant.now(), audience.viewers(name));
    }

    public List<String> getLog() {
        return transcoders.log(id).orElse(List.of());
    }

    /** Where the stream's media comes from, with the SRT/UDP listener's state. */
    public InputJson getInput() {
        return inputs.view(operations.existing(id), request.getServerName());
    }

    public String getPlaybackUrl() {
        return audience.playbackUrl(request.getServerName(), operations.existing(id), null);
    }

    /** The console's session-guarded copy of the API thumbnail (the API wants a bearer token). */
    public String getThumbnailUrl() {
        return request.getContextPath() + "/thumbnail/" + id + ".jpg";
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public String getLadder() {
        return ladder;
    }
}
