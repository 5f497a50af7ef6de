package org.headend.platform.process;

import java.util.ArrayList;
import java.util.List;

/**
 * How every ffmpeg the app supervises begins: quiet except for warnings, never reading the
 * terminal, and writing {@code -progress} blocks on stdout, which the supervisors' watchdogs and
 * figures read ({@link ProgressParser}).
 */
public final class FfmpegArgs {

    private FfmpegArgs() {}

    public static List<String> supervised(String ffmpeg) {
        return new ArrayList<>(
                List.of(ffmpeg, "-hide_banner", "-nostdin", "-nostats", "-loglevel", "warning", "-progress", "pipe:1"));
    }

    /**
     * As {@link #supervised} but without {@code -progress}: for an ffmpeg whose standard output
     * carries the media itself ({@code pipe:1}), where progress blocks would corrupt it.
     */
    public static List<String> writingToStdout(String ffmpeg) {
        return new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-nostats", "-loglevel", "warning"));
    }

    /** As {@link #supervised}, with progress twice a second: for the figures the console shows live. */
    public static List<String> supervisedWithFigures(String ffmpeg) {
        List<String> args = supervised(ffmpeg);
        args.addAll(List.of("-stats_period", "0.5"));
        return args;
    }
}
