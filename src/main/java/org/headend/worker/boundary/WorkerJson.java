package org.headend.worker.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.headend.worker.entity.Worker;
import org.headend.worker.entity.WorkerCapabilities;
import org.headend.worker.entity.WorkerStatus;

/**
 * A worker as the API shows it: how it is reached (the host key is public), its state with the
 * reason in plain words, what it can do, and the jobs it runs now.
 */
public record WorkerJson(
        String name,
        String host,
        int port,
        String user,
        String hostKey,
        int slots,
        String state,
        String reason,
        String lastError,
        Instant since,
        Capabilities capabilities,
        long jobs)
        implements Serializable {

    /** What the worker can do, as found when it was last linked (nothing before it ever was). */
    public record Capabilities(
            String ffmpegVersion,
            List<String> h264Encoders,
            List<String> renderDevices,
            boolean nvidiaGpu,
            int cores,
            double load)
            implements Serializable {

        /** On one line, for the console: "ffmpeg 6.1.1 · libx264, h264_vaapi · /dev/dri/renderD128 · 8 cores". */
        public String summary() {
            if (ffmpegVersion == null) {
                return "not probed yet";
            }
            var parts = new java.util.ArrayList<String>();
            parts.add("ffmpeg " + ffmpegVersion);
            parts.add(h264Encoders.isEmpty() ? "no H.264 encoder" : String.join(", ", h264Encoders));
            if (!renderDevices.isEmpty()) {
                parts.add(String.join(", ", renderDevices));
            }
            if (nvidiaGpu) {
                parts.add("NVIDIA GPU");
            }
            parts.add(cores + " cores");
            return String.join(" · ", parts);
        }

        static Capabilities of(WorkerCapabilities found) {
            return new Capabilities(
                    found.ffmpegVersion(),
                    found.h264Encoders().stream().sorted().toList(),
                    List.copyOf(found.renderDevices()),
                    found.nvidiaGpu(),
                    found.cores(),
                    found.load());
        }
    }

    static WorkerJson of(Worker worker, WorkerStatus status, long jobs) {
        return new WorkerJson(
                worker.name(),
                worker.host(),
                worker.port(),
                worker.user(),
                worker.hostKey(),
                worker.slots(),
                status.state().name(),
                status.reason(),
                status.lastError(),
                status.since(),
                Capabilities.of(status.capabilities()),
                jobs);
    }

    /** {@code user@host:port}, for the console. */
    public String address() {
        return user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
