package org.headend.transcode.entity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The H.264 encoder a rendition asks for. {@link #AUTO} takes the best one the host that runs the
 * packager has (a GPU's, else x264); any other value insists on that encoder, so a ladder that asks
 * for one no host has is placed nowhere rather than falling back without a word.
 */
public enum VideoEncoder {
    AUTO(null),
    X264("libx264"),
    NVENC("h264_nvenc"),
    VAAPI("h264_vaapi"),
    QSV("h264_qsv");

    private final String ffmpegName;

    VideoEncoder(String ffmpegName) {
        this.ffmpegName = ffmpegName;
    }

    /** How the API, the console and the database spell it: {@code auto}, {@code x264}, ... */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** ffmpeg's encoder name; {@code auto} has none until it is resolved on a host. */
    public String ffmpegName() {
        if (ffmpegName == null) {
            throw new IllegalStateException("'auto' names no encoder until it is resolved on a host");
        }
        return ffmpegName;
    }

    /** Whether the encoder works on device frames (uploaded from system memory) rather than on system memory. */
    public boolean hardware() {
        return this == NVENC || this == VAAPI || this == QSV;
    }

    /** Empty for anything but one of {@link #values()} as spelt by {@link #value()} (null included). */
    public static Optional<VideoEncoder> of(String value) {
        return Arrays.stream(values()).filter(e -> e.value().equals(value)).findFirst();
    }

    /** The accepted spellings, in declaration order: for messages, schemas and the console's select. */
    public static List<String> accepted() {
        return Arrays.stream(values()).map(VideoEncoder::value).toList();
    }
}
