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

    protected Rendition() {}

    public Rendition(
            String name,
            int width,
            int height,
            int videoKbps,
            int audioKbps,
            int maxFps,
            String profile,
            String preset) {
        this.name = name;
        this.width = width;
        this.height = height;
        this.videoKbps = videoKbps;
        this.audioKbps = audioKbps;
        this.maxFps = maxFps;
        this.profile = profile;
        this.preset = preset;
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

    /** The same rendition at another size, for a source smaller than every rung. */
    public Rendition resizedTo(int newWidth, int newHeight) {
        return new Rendition(name, newWidth, newHeight, videoKbps, audioKbps, maxFps, profile, preset);
    }
}
