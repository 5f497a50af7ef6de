package org.headend.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.headend.webrtc.control.PlayBridge;
import org.headend.webrtc.control.SourceTraits;

/**
 * The app's WebRTC bridge command ({@link PlayBridge#command}, video copied, no audio) run by the
 * bench from the app's nginx-rtmp into the bench's Janus: the "bridge" path, which differs from
 * the app's {@code /whep} only in whose Janus and signalling it is, and from the direct "janus"
 * path only by nginx-rtmp and this ffmpeg. {@code extraInputArgs} (bench.bridge-input-args) go
 * before the input, to try what shortens the bridge.
 */
final class BenchBridge implements AutoCloseable {

    private final Process process;

    private BenchBridge(Process process) {
        this.process = process;
    }

    static BenchBridge start(String rtmpSource, int videoPort, List<String> extraInputArgs) {
        List<String> command =
                new ArrayList<>(PlayBridge.command("ffmpeg", rtmpSource, new SourceTraits(false, false), videoPort, 0));
        command.addAll(command.indexOf("-i") - 2, extraInputArgs);
        try {
            Path log = Path.of("target", "it-logs", "bench-bridge-" + System.nanoTime() + ".log");
            log.getParent().toFile().mkdirs();
            System.out.println("BENCH bridge " + String.join(" ", command));
            return new BenchBridge(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
