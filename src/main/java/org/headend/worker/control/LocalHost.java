package org.headend.worker.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.headend.platform.process.MediaTools;
import org.headend.platform.process.ProcessSpec;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.platform.process.RunResult;
import org.headend.worker.entity.WorkerCapabilities;

/**
 * This node as a host for packagers: what its own ffmpeg can encode (asked once, on first use) and
 * its load now, in the same terms as a worker's, so placement weighs both alike.
 */
@ApplicationScoped
public class LocalHost {

    private static final Logger LOG = Logger.getLogger(LocalHost.class.getName());

    @Inject
    ProcessSupervisor supervisor;

    @Inject
    MediaTools tools;

    private volatile WorkerCapabilities probed;

    /** Asked at start, so the first publish does not wait for it. */
    void startWithApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        capabilities();
    }

    public WorkerCapabilities capabilities() {
        WorkerCapabilities known = probed;
        if (known == null) {
            known = probe();
            probed = known;
        }
        return known.withLoad(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private WorkerCapabilities probe() {
        Set<String> encoders = Set.of("libx264");
        try {
            RunResult result = supervisor.run(
                    ProcessSpec.of("local-encoders", List.of(tools.ffmpeg(), "-hide_banner", "-encoders")),
                    Duration.ofSeconds(10));
            encoders = CapabilityParser.h264Encoders(result.stdout());
        } catch (java.io.IOException e) {
            LOG.warning(() -> "Cannot ask the local ffmpeg for its encoders: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        File[] dri = new File("/dev/dri").listFiles((dir, name) -> name.startsWith("renderD"));
        List<String> devices = dri == null
                ? List.of()
                : Arrays.stream(dri).map(File::getPath).sorted().toList();
        boolean nvidia = new File("/dev/nvidia0").exists();
        return new WorkerCapabilities(
                null, encoders, devices, nvidia, Runtime.getRuntime().availableProcessors(), 0);
    }
}
