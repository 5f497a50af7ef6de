package org.headend.transcode.boundary;

import java.io.Serializable;
import org.headend.transcode.entity.Rendition;
import org.headend.transcode.entity.VideoEncoder;

/** One editable rendition row of the console's ladder form. */
public class RenditionForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private int width = 1280;
    private int height = 720;
    private int videoKbps = 3000;
    private int audioKbps = 128;
    private int maxFps = 30;
    private String profile = "main";
    private String preset = "veryfast";
    private String encoder = VideoEncoder.AUTO.value();

    static RenditionForm of(Rendition r) {
        var form = new RenditionForm();
        form.name = r.name();
        form.width = r.width();
        form.height = r.height();
        form.videoKbps = r.videoKbps();
        form.audioKbps = r.audioKbps();
        form.maxFps = r.maxFps();
        form.profile = r.profile();
        form.preset = r.preset();
        form.encoder = r.encoder();
        return form;
    }

    Rendition toRendition() {
        return new Rendition(name, width, height, videoKbps, audioKbps, maxFps, profile, preset, encoder);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getWidth() {
        return width;
    }

    public void setWidth(int width) {
        this.width = width;
    }

    public int getHeight() {
        return height;
    }

    public void setHeight(int height) {
        this.height = height;
    }

    public int getVideoKbps() {
        return videoKbps;
    }

    public void setVideoKbps(int videoKbps) {
        this.videoKbps = videoKbps;
    }

    public int getAudioKbps() {
        return audioKbps;
    }

    public void setAudioKbps(int audioKbps) {
        this.audioKbps = audioKbps;
    }

    public int getMaxFps() {
        return maxFps;
    }

    public void setMaxFps(int maxFps) {
        this.maxFps = maxFps;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public String getPreset() {
        return preset;
    }

    public void setPreset(String preset) {
        this.preset = preset;
    }

    public String getEncoder() {
        return encoder;
    }

    public void setEncoder(String encoder) {
        this.encoder = encoder;
    }
}
