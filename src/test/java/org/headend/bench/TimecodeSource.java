package org.headend.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The glass of glass-to-glass: ffmpeg drawing this machine's wall clock into every frame as it
 * releases the frame (paced by {@code realtime}), then encoding it as a live encoder would (x264
 * ultrafast, zerolatency, baseline: no B-frames, 1 s GOP) and sending the one encode to every
 * output through {@code tee}. The code is the clock's milliseconds modulo 2^24 (4.6 hours), one
 * bit per 24x24 block on a black strip at the top of a 640x360 frame, least significant bit on
 * the left, as {@code bench/glass-reader.js} reads it back. {@code setpts=RTCTIME} makes the
 * frame's timestamp the wall clock so {@code drawbox} can test each bit; the timestamps are then
 * put back on the 30 fps grid for the encoder.
 */
final class TimecodeSource implements AutoCloseable {

    static final int BITS = 24;

    private final Process process;

    private TimecodeSource(Process process) {
        this.process = process;
    }

    /**
     * Starts the source. {@code rtmp} (may be null) gets video and audio as FLV; {@code rtp} (may
     * be null) the video alone, SPS/PPS repeated in-band at each keyframe as Janus needs them.
     */
    static TimecodeSource start(String rtmp, String rtp) {
        List<String> slaves = new ArrayList<>();
        if (rtmp != null) {
            slaves.add("[f=flv]" + rtmp);
        }
        if (rtp != null) {
            slaves.add("[f=rtp:select=v:bsfs/v=dump_extra]" + rtp + "?pkt_size=1200");
        }
        List<String> command = List.of(
                "ffmpeg",
                "-hide_banner",
                "-nostdin",
                "-loglevel",
                "warning",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=640x360:rate=30",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=48000,arealtime",
                "-vf",
                filter(),
                "-map",
                "0:v",
                "-map",
                "1:a",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-tune",
                "zerolatency",
                "-profile:v",
                "baseline",
                "-g",
                "30",
                "-b:v",
                "1000k",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-b:a",
                "64k",
                "-f",
                "tee",
                String.join("|", slaves));
        try {
            Path log = Path.of("target", "it-logs", "timecode-source-" + System.nanoTime() + ".log");
            log.getParent().toFile().mkdirs();
            return new TimecodeSource(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The video filter: pace, stamp the wall clock, draw its bits, back to the 30 fps grid. */
    static String filter() {
        StringBuilder vf = new StringBuilder(
                "realtime,settb=1/1000,setpts=RTCTIME/1000,drawbox=x=0:y=0:w=640:h=40:color=black:t=fill");
        for (int bit = 0; bit < BITS; bit++) {
            vf.append(",drawbox=x=")
                    .append(8 + bit * 26)
                    .append(":y=8:w=24:h=24:color=white:t=fill:enable='mod(floor(floor(t*1000+0.5)/pow(2\\,")
                    .append(bit)
                    .append("))\\,2)'");
        }
        return vf.append(",setpts=N*1000/30").toString();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
