package org.headend.transcode.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.process.ProcessRoles;
import org.headend.transcode.entity.Rendition;
import org.headend.transcode.entity.VideoEncoder;
import org.headend.worker.control.PlacementRequest;
import org.headend.worker.control.Placements;
import org.headend.worker.entity.WorkerCapabilities;

/**
 * Gives a packager its host, and tells it how to reach this node from there: a packager on a
 * worker pulls the stream from this node's nginx-rtmp under its public name and writes its HLS
 * back into nginx over HTTP PUT, into the very folder a local packager writes to.
 */
@ApplicationScoped
public class PackagerPlacer {

    @Inject
    Placements placements;

    @Inject
    @ConfigProperty(name = "headend.hls.port", defaultValue = "8081")
    int hlsPort;

    /**
     * @param folder the stream's HLS folder for this packager on this node
     * @param avoid the host of the stream's other packager, kept apart from when another host fits
     */
    PlacedPackager place(PackagingJob job, RenditionPlan plan, String role, Path folder, String avoid, boolean moved) {
        // The pin is the primary's: the backup goes wherever keeps it apart from the primary.
        String pinned = ProcessRoles.BACKUP_PACKAGER.equals(role) ? null : job.worker();
        var request = new PlacementRequest(job.name(), pinned, avoid, caps -> fits(plan, encoders(caps)));
        var where = placements.place(request, role, moved, needs(plan));
        if (where.local()) {
            return new PlacedPackager(where, job.inputUrl(), folder.toString(), encoders(where.capabilities()));
        }
        URI input = URI.create(job.inputUrl());
        String remoteInput = input.getScheme() + "://" + where.nodeAddress() + ":" + input.getPort() + input.getPath();
        String output = "http://" + where.nodeAddress() + ":" + hlsPort + "/put/" + job.name()
                + (role.equals(ProcessRoles.BACKUP_PACKAGER) ? "/" + TranscoderSupervisor.BACKUP_DIR : "");
        return new PlacedPackager(where, remoteInput, output, encoders(where.capabilities()));
    }

    void release(String name, String role) {
        placements.release(name, role);
    }

    static HostEncoders encoders(WorkerCapabilities caps) {
        return new HostEncoders(caps.h264Encoders(), caps.renderDevices(), caps.nvidiaGpu());
    }

    /** Whether the host can encode every rendition with the encoder it asks for. */
    static boolean fits(RenditionPlan plan, HostEncoders host) {
        return plan.passthrough()
                || plan.encoded().stream()
                        .allMatch(r -> host.resolve(r.videoEncoder()).isPresent());
    }

    /** What the ladder insists on, in words for a stream placed nowhere. */
    static String needs(RenditionPlan plan) {
        Set<String> asked = new LinkedHashSet<>();
        if (!plan.passthrough()) {
            for (Rendition r : plan.encoded()) {
                if (r.videoEncoder() != VideoEncoder.AUTO) {
                    asked.add(r.videoEncoder().value() + " (" + r.videoEncoder().ffmpegName() + ")");
                }
            }
        }
        return asked.isEmpty() ? "ffmpeg" : "the encoder " + String.join(", ", asked);
    }
}
