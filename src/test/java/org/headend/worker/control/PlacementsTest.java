package org.headend.worker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.headend.platform.process.LaunchRequest;
import org.headend.platform.process.LaunchedProcess;
import org.headend.platform.process.Launcher;
import org.headend.platform.process.ProcessRegistry;
import org.headend.platform.process.ProcessRoles;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.worker.entity.PlacementDecided;
import org.headend.worker.entity.WorkerCapabilities;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlacementsTest {

    static final WorkerCapabilities X264 = new WorkerCapabilities("7.1", Set.of("libx264"), List.of(), false, 4, 0.5);
    static final WorkerCapabilities NVENC =
            new WorkerCapabilities("7.1", Set.of("libx264", "h264_nvenc"), List.of(), true, 8, 0.5);

    final List<WorkerHost> up = new ArrayList<>();
    final Map<String, Long> jobs = new HashMap<>();
    final List<PlacementDecided> decisions = new ArrayList<>();
    Placements cut;

    @BeforeEach
    void setUp() {
        cut = new Placements();
        cut.pool = new WorkerPool() {
            @Override
            public List<WorkerHost> available() {
                return up;
            }

            @Override
            public Optional<WorkerHost> atAddress(String address) {
                return up.stream()
                        .filter(w -> w.workerAddress().equals(address))
                        .findFirst();
            }
        };
        cut.localHost = new LocalHost() {
            @Override
            public WorkerCapabilities capabilities() {
                return X264.withLoad(1.0);
            }
        };
        cut.registry = new ProcessRegistry() {
            @Override
            public long jobsOn(String host) {
                return jobs.getOrDefault(host, 0L);
            }
        };
        cut.supervisor = new ProcessSupervisor() {
            @Override
            public Launcher local() {
                return new NamedLauncher("local");
            }
        };
        cut.decided = new Recorder(decisions);
        cut.localCounts = true;
        cut.localSlots = 2;
    }

    @Test
    void theLeastBusyHostWinsAndTheNodeIsOneOfThem() {
        worker("w1", 2, X264);
        worker("w2", 2, X264);
        jobs.put("w1", 1L);
        jobs.put("local", 1L);

        assertEquals("w2", place(any(), ProcessRoles.PACKAGER).host());
        assertEquals(new PlacementDecided("w2", PlacementDecided.PLACED), decisions.get(0));
    }

    @Test
    void onATieAWorkerIsPreferredToTheNode() {
        worker("w1", 2, X264.withLoad(1.0));

        assertEquals("w1", place(any(), ProcessRoles.PACKAGER).host());
    }

    @Test
    void aPinnedStreamGoesToItsWorkerWhileItCanTakeIt() {
        worker("w1", 2, X264);
        worker("w2", 2, X264);
        jobs.put("w2", 5L);

        var request = new PlacementRequest("news", "w2", null, c -> true);
        assertEquals(
                "w2", cut.place(request, ProcessRoles.PACKAGER, false, "ffmpeg").host());
        assertEquals(PlacementDecided.PINNED, decisions.get(0).result());

        up.removeIf(w -> w.name().equals("w2"));
        assertEquals(
                "w1", cut.place(request, ProcessRoles.PACKAGER, true, "ffmpeg").host());
        assertEquals(PlacementDecided.MOVED, decisions.get(1).result());
    }

    @Test
    void theBackupGoesElsewhereWhenAnotherHostFits() {
        worker("w1", 2, X264);

        var backup = new PlacementRequest("news", null, "w1", c -> true);
        assertEquals(
                "local",
                cut.place(backup, ProcessRoles.BACKUP_PACKAGER, false, "ffmpeg").host());

        cut.localCounts = false;
        assertEquals(
                "w1",
                cut.place(backup, ProcessRoles.BACKUP_PACKAGER, false, "ffmpeg").host());
    }

    @Test
    void aLadderNoHostCanEncodeIsPlacedNowhereAndSaysWhy() {
        worker("w1", 2, X264);
        var request =
                new PlacementRequest("news", null, null, c -> c.h264Encoders().contains("h264_nvenc"));

        var refused = assertThrows(
                NoHostFits.class,
                () -> cut.place(request, ProcessRoles.PACKAGER, false, "the encoder nvenc (h264_nvenc)"));

        assertTrue(refused.getMessage().contains("nvenc"), refused.getMessage());
        assertEquals(new PlacementDecided("none", PlacementDecided.NO_HOST), decisions.get(0));

        worker("gpu", 2, NVENC);
        assertEquals(
                "gpu", cut.place(request, ProcessRoles.PACKAGER, false, "nvenc").host());
    }

    @Test
    void onlyTheNodeAndTheWorkersOfAStreamMayServeIt() {
        worker("w1", 2, X264);
        worker("w2", 2, X264);
        var request = new PlacementRequest("news", "w1", null, c -> true);
        cut.place(request, ProcessRoles.PACKAGER, false, "ffmpeg");

        assertTrue(cut.mayServe("127.0.0.1", "news"));
        assertTrue(cut.mayServe("10.0.0.11", "news"));
        assertFalse(cut.mayServe("10.0.0.12", "news"), "another worker");
        assertFalse(cut.mayServe("10.0.0.11", "other"), "another stream");
        assertFalse(cut.mayServe("192.0.2.1", "news"), "no worker at all");

        cut.release("news", ProcessRoles.PACKAGER);
        assertFalse(cut.mayServe("10.0.0.11", "news"), "released");
    }

    private Placement place(PlacementRequest request, String role) {
        return cut.place(request, role, false, "ffmpeg");
    }

    private static PlacementRequest any() {
        return new PlacementRequest("news", null, null, c -> true);
    }

    private void worker(String name, int slots, WorkerCapabilities caps) {
        up.add(new WorkerHost(
                name, slots, caps, new NamedLauncher(name), "10.0.0.1", "10.0.0." + (10 + up.size() + 1)));
    }

    record NamedLauncher(String host) implements Launcher {
        @Override
        public LaunchedProcess launch(LaunchRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void reapLeftovers() {}
    }

    record Recorder(List<PlacementDecided> seen) implements Event<PlacementDecided> {
        @Override
        public void fire(PlacementDecided event) {
            seen.add(event);
        }

        @Override
        public <U extends PlacementDecided> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PlacementDecided> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<PlacementDecided> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends PlacementDecided> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends PlacementDecided> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
