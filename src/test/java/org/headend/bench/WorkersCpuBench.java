package org.headend.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.HlsMaster;
import org.headend.testing.PlacedStream;
import org.headend.testing.RegisteredHosts;
import org.headend.testing.WorkerHost;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Node CPU figures for BENCHMARKS.md, run by bench/workers-cpu.sh (never by ./headend test): the
 * CPU the node spends (the app's JVM and all its descendants: nginx, and the ffmpegs when it
 * transcodes itself) over a fixed window with two streams on the default ladder transcoded on two
 * workers, one each, against the same two streams transcoded on the node itself, in one app, in
 * alternation ({@code bench.rounds} of each, the order swapped every round so drifts in the
 * machine's load fall on both sides). Locally means both workers drained, so placement has only
 * the node ({@code headend.workers.local=true}); on workers, each stream is pinned to its worker.
 * The CPU spent in the worker hosts' namespaces (sshd, the remote ffmpegs) is reported beside it.
 */
class WorkersCpuBench {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final Duration WINDOW = Duration.ofSeconds(Long.getLong("bench.window", 60));
    private static final Duration SETTLE = Duration.ofSeconds(Long.getLong("bench.settle", 10));
    private static final String LADDER = System.getProperty("bench.ladder", "default");
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    private static final int FPS = Integer.getInteger("bench.fps", 30);
    private static final Duration LEFTOVERS = Duration.ofSeconds(30);

    private enum Mode {
        WORKERS,
        LOCAL
    }

    private record Sample(Mode mode, int round, double node, double jvm, double workers, double machine) {}

    private static TwoWorkers setup;

    @BeforeAll
    static void start() {
        setup = TwoWorkers.start(Map.of("HEADEND_WORKERS_LOCAL", "true"));
    }

    @AfterAll
    static void stop() {
        if (setup != null) {
            setup.close();
        }
    }

    @Test
    void nodeCpuWithTwoStreamsOnWorkersAgainstLocally() {
        String loadBefore = CpuWindow.load();
        List<Sample> samples = new ArrayList<>();
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                List<Mode> order =
                        round % 2 == 1 ? List.of(Mode.WORKERS, Mode.LOCAL) : List.of(Mode.LOCAL, Mode.WORKERS);
                for (Mode mode : order) {
                    samples.add(window(mode, round));
                }
            }
        } finally {
            placeOn(Mode.WORKERS);
        }
        Map<Mode, List<Sample>> by = new EnumMap<>(Mode.class);
        samples.forEach(
                s -> by.computeIfAbsent(s.mode(), m -> new ArrayList<>()).add(s));
        double onWorkers = Stats.median(values(by.get(Mode.WORKERS), Sample::node));
        double local = Stats.median(values(by.get(Mode.LOCAL), Sample::node));
        List<String> perRound = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            int r = round;
            double w = samples.stream()
                    .filter(s -> s.round() == r && s.mode() == Mode.WORKERS)
                    .findFirst()
                    .orElseThrow()
                    .node();
            double l = samples.stream()
                    .filter(s -> s.round() == r && s.mode() == Mode.LOCAL)
                    .findFirst()
                    .orElseThrow()
                    .node();
            perRound.add(String.format("%.3f", w / l));
        }
        System.out.println(String.format(
                "BENCH workers-cpu rounds=%d window_s=%d streams=2 ladder=%s publisher=%dx%d@%d"
                        + " | node_cpu_pct workers median=%.1f %s local median=%.1f %s | ratio workers/local=%.3f"
                        + " per_round=%s | jvm_pct workers median=%.1f local median=%.1f"
                        + " | worker_hosts_cpu_pct workers median=%.1f local median=%.1f"
                        + " | machine_busy_pct workers median=%.1f local median=%.1f | load %s -> %s",
                ROUNDS,
                WINDOW.toSeconds(),
                LADDER,
                WIDTH,
                HEIGHT,
                FPS,
                onWorkers,
                Stats.format(values(by.get(Mode.WORKERS), Sample::node)),
                local,
                Stats.format(values(by.get(Mode.LOCAL), Sample::node)),
                onWorkers / local,
                perRound,
                Stats.median(values(by.get(Mode.WORKERS), Sample::jvm)),
                Stats.median(values(by.get(Mode.LOCAL), Sample::jvm)),
                Stats.median(values(by.get(Mode.WORKERS), Sample::workers)),
                Stats.median(values(by.get(Mode.LOCAL), Sample::workers)),
                Stats.median(values(by.get(Mode.WORKERS), Sample::machine)),
                Stats.median(values(by.get(Mode.LOCAL), Sample::machine)),
                loadBefore,
                CpuWindow.load()));
    }

    /** Two streams live where the mode says, settled, then one window measured; all removed after. */
    private static Sample window(Mode mode, int round) {
        placeOn(mode);
        Api api = setup.api;
        List<PlacedStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                String pin = mode == Mode.WORKERS ? setup.hosts.get(i).name() : null;
                streams.add(PlacedStream.publishing(setup.app, api, LADDER, pin, WIDTH, HEIGHT, FPS));
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                expected.add(mode == Mode.WORKERS ? setup.hosts.get(i).name() : "local");
                streams.get(i).awaitPackagerOn(api, expected.get(i), TwoWorkers.START);
            }
            for (PlacedStream stream : streams) {
                stream.stream().awaitState("LIVE", TwoWorkers.START);
                stream.awaitNewSegment(TwoWorkers.START);
            }
            long settled = System.nanoTime() + SETTLE.toNanos();
            Await.until("settling", SETTLE.plusSeconds(5), () -> System.nanoTime() >= settled);

            int restarts = restarts(streams);
            List<Long> sequence =
                    streams.stream().map(WorkersCpuBench::lastSegment).toList();
            String load = CpuWindow.load();
            Map<String, Supplier<List<Long>>> groups = new LinkedHashMap<>();
            long jvm = setup.app.handle().pid();
            groups.put("node", () -> Stream.concat(
                            Stream.of(jvm), setup.app.handle().descendants().map(ProcessHandle::pid))
                    .toList());
            groups.put("workers", () -> setup.hosts.all().stream()
                    .flatMap(h -> h.processes().stream())
                    .map(ProcessHandle::pid)
                    .toList());
            CpuWindow.Result cpu = CpuWindow.measure(WINDOW, groups);

            List<String> segments = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                segments.add(Long.toString(lastSegment(streams.get(i)) - sequence.get(i)));
                JsonObject packager = streams.get(i).packager(api);
                assertEquals(expected.get(i), packager.getString("host"), "still where it was: " + packager);
            }
            CpuWindow.Usage node = cpu.groups().get("node");
            CpuWindow.Usage workers = cpu.groups().get("workers");
            var sample = new Sample(
                    mode,
                    round,
                    node.percent(),
                    node.byCommand().getOrDefault("java", 0.0),
                    workers.percent(),
                    cpu.machinePercent());
            System.out.println(String.format(
                    "BENCH-SAMPLE mode=%s round=%d window_s=%.1f node_cpu_pct=%.1f node_by_command=%s"
                            + " worker_hosts_cpu_pct=%.1f worker_by_command=%s machine_busy_pct=%.1f"
                            + " segments_in_window=%s (expected ~%d) packager_restarts=%d load=%s",
                    mode.name().toLowerCase(),
                    round,
                    cpu.seconds(),
                    node.percent(),
                    rounded(node.byCommand()),
                    workers.percent(),
                    rounded(workers.byCommand()),
                    cpu.machinePercent(),
                    segments,
                    WINDOW.toSeconds() / 2,
                    restarts(streams) - restarts,
                    load));
            return sample;
        } finally {
            streams.forEach(PlacedStream::close);
            Await.until("no ffmpeg left on the node", LEFTOVERS, () -> setup.app
                    .children("ffmpeg")
                    .isEmpty());
            for (WorkerHost host : setup.hosts.all()) {
                RegisteredHosts.awaitNoFfmpeg(host, "(streams deleted)", LEFTOVERS);
            }
        }
    }

    /** On workers: both UP and taking jobs. Locally: both drained, so only the node is left to place on. */
    private static void placeOn(Mode mode) {
        for (WorkerHost host : setup.hosts.all()) {
            String path = RegisteredHosts.path(host);
            var reply = setup.api.post(path + (mode == Mode.LOCAL ? "/drain" : "/undrain"), "{}");
            if (reply.status() / 100 != 2) {
                throw new AssertionError(path + ": " + reply.status() + " " + reply.body());
            }
            setup.api.awaitState(path, mode == Mode.LOCAL ? "DRAINING" : "UP", TwoWorkers.START);
        }
    }

    private static int restarts(List<PlacedStream> streams) {
        return streams.stream()
                .map(s -> s.packager(setup.api))
                .mapToInt(p -> p == null ? 0 : p.getInt("restarts", 0))
                .sum();
    }

    /** The media sequence number of the newest segment of the stream's first variant. */
    private static long lastSegment(PlacedStream stream) {
        String media = HlsMaster.firstVariant(stream.stream().playbackUrl(), TwoWorkers.START);
        String playlist = Api.fetch(media).body();
        long first = playlist.lines()
                .filter(l -> l.startsWith("#EXT-X-MEDIA-SEQUENCE:"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim()))
                .findFirst()
                .orElse(0);
        return first + playlist.lines().filter(l -> l.startsWith("#EXTINF")).count() - 1;
    }

    private static List<Double> values(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> f) {
        return samples.stream().map(s -> f.applyAsDouble(s)).toList();
    }

    private static Map<String, String> rounded(Map<String, Double> byCommand) {
        Map<String, String> out = new LinkedHashMap<>();
        byCommand.forEach((k, v) -> out.put(k, String.format("%.1f", v)));
        return out;
    }
}
