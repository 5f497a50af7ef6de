package org.headend.transcode.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One rung of a ladder: the size, bitrates and encoder settings of one HLS variant. */
@Embeddable
public class Rendition {

    private String name;
    private int width;
    private int height;

    @Column(name = "video_kbps")
    private int videoKbps;

    @Column(name = "audio_kbps")
    private int audioKbps;

    @Column(name = "max_fps")
    private int maxFps;

    private String profile;
    private String preset;

    /** As the API spells it ({@link VideoEncoder#value()}); text like profile and preset, so the validator sees what was sent. */
    private String encoder = VideoEncoder.AUTO.value();

    protected Rendition() {}

    /** A rendition that lets the host pick its encoder ({@code auto}). */
    public Rendition(
            String name,
            int width,
            int height,
            int videoKbps,
            int audioKbps,
            int maxFps,
            String profile,
            String preset) {
        this(name, width, height, videoKbps, audioKbps, maxFps, profile, preset, VideoEncoder.AUTO.value());
    }

    public Rendition(
            String name,
            int width,
            int height,
            int videoKbps,
            int audioKbps,
            int maxFps,
            String profile,
            String preset,
            String encoder) {
        this.name = name;
        this.width = width;
        this.height = height;
        this.videoKbps = videoKbps;
        this.audioKbps = audioKbps;
        this.maxFps = maxFps;
        this.profile = profile;
        this.preset = preset;
        this.encoder = encoder;
    }

    public String name() {
        return name;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int videoKbps() {
        return videoKbps;
    }

    public int audioKbps() {
        return audioKbps;
    }

    public int maxFps() {
        return maxFps;
    }

    public String profile() {
        return profile;
    }

    public String preset() {
        return preset;
    }

    /** The encoder as sent and stored; {@link #videoEncoder()} once the ladder has been validated. */
    public String encoder() {
        return encoder;
    }

    /** The encoder asked for; fails for a value the ladder validator would have refused. */
    public VideoEncoder videoEncoder() {
        return VideoEncoder.of(encoder)
                .orElseThrow(
                        () -> new IllegalStateException("Rendition " + name + " has an unknown encoder: " + encoder));
    }

    /** The same rendition at another size, for a source smaller than every rung. */
    public Rendition resizedTo(int newWidth, int newHeight) {
        return new Rendition(name, newWidth, newHeight, videoKbps, audioKbps, maxFps, profile, preset, encoder);
    }
}
