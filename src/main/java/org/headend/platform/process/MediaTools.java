package org.headend.platform.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The ffmpeg and ffprobe programs every capability runs: read from the configuration here only. */
@ApplicationScoped
public class MediaTools {

    @Inject
    @ConfigProperty(name = "headend.ffmpeg.binary", defaultValue = "ffmpeg")
    String ffmpeg;

    @Inject
    @ConfigProperty(name = "headend.ffprobe.binary", defaultValue = "ffprobe")
    String ffprobe;

    public String ffmpeg() {
        return ffmpeg;
    }

    public String ffprobe() {
        return ffprobe;
    }
}
