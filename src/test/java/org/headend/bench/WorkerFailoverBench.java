package org.headend.bench;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.HlsMaster;
import org.headend.testing.PlacedStream;
import org.headend.testing.RegisteredHosts;
import org.headend.testing.WorkerHost;
import org.headend.testing.WorkerLoss;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Worker failover figures for BENCHMARKS.md, run by bench/worker-failover.sh (never by ./headend
 * test): one live stream (default ladder, a 1280x720 publisher with a 2 s GOP) transcoded on one of
 * two workers; the worker it runs on is lost ({@link WorkerLoss}: link cut, sshd killed, host
 * frozen), {@code bench.failures} times of each kind, at a random moment within a segment. Measured
 * from the loss (the moment the loss starts: the link set down, the first SIGKILL or SIGSTOP): until a new segment is listed in the playback URL's media playlist and downloads
 * (polled every 100 ms), until the processes API shows the packager running on the other worker,
 * and until the lost worker is DOWN. The app does not transcode itself ({@code
 * headend.workers.local=false}), so "elsewhere" is always the other worker and the next loss hits
 * that one. Between losses the host is restored and the bench waits until it is UP again with
 * nothing of the stream left on it.
 *
 * <p>After a killed sshd the lost host's ffmpeg may still push segments for a moment; a new segment
 * then counts only once no ffmpeg runs there any more or once the move is seen, if it was not
 * listed yet at that moment. A segment listed while the link is being cut or the host frozen (the
 * freeze stops process after process) is the lost host's, and does not count either.
 */
class WorkerFailoverBench {

    private static final int FAILURES = Integer.getInteger("bench.failures", 10);
    private static final List<String> KINDS = Arrays.asList(
            System.getProperty("bench.kinds", "link-cut,sshd-killed,frozen").split(","));
    private static final String LADDER = System.getProperty("bench.ladder", "default");
    private static final int FPS = Integer.getInteger("bench.fps", 30);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);
    private static final Duration BACK = Duration.ofSeconds(120);
    private static final Duration LEFTOVERS = Duration.ofSeconds(30);

    private record Sample(long playableMs, long movedMs, long downMs, long lostFfmpegGoneMs, long upMs) {}

    private static TwoWorkers setup;

    @BeforeAll
    static void start() {
        setup = TwoWorkers.start(Map.of("HEADEND_WORKERS_LOCAL", "false"));
    }

    @AfterAll
    static void stop() {
        if (setup != null) {
            setup.close();
        }
    }

    @Test
    void aLostWorkersStreamPlaysAgainOnTheOther() {
        String first = setup.hosts.get(0).name();
        try (var placed = PlacedStream.publishing(setup.app, setup.api, LADDER, first, 1280, 720, FPS)) {
            placed.awaitPackagerOn(setup.api, first, TwoWorkers.START);
            placed.awaitNewSegment(TwoWorkers.START);
            String media = HlsMaster.firstVariant(placed.stream().playbackUrl(), TwoWorkers.START);
            System.out.println("BENCH-INFO media playlist " + media);
            for (WorkerLoss kind : WorkerLoss.values()) {
                if (KINDS.contains(kind.label())) {
                    measure(kind, placed, media);
                }
            }
        }
    }

    private static void measure(WorkerLoss kind, PlacedStream placed, String media) {
        String loadBefore = CpuWindow.load();
        List<Sample> samples = new ArrayList<>();
        int timeouts = 0;
        for (int i = 1; i <= FAILURES; i++) {
            JsonObject packager = placed.awaitPackager(
                    setup.api, "on a worker", p -> setup.names().contains(p.getString("host")), BACK);
            WorkerHost lost = setup.host(packager.getString("host"));
            setup.hosts.awaitAllUp(setup.api, BACK);
            placed.awaitNewSegment(BACK);
            long at = System.nanoTime() + ThreadLocalRandom.current().nextLong(2_000_000_000L);
            Await.until("a random moment", Duration.ofSeconds(5), () -> System.nanoTime() >= at);

            Sample sample = lose(kind, lost, placed, media);
            if (sample.playableMs() < 0) {
                timeouts++;
            }
            samples.add(sample);
            String to = String.valueOf(placed.packager(setup.api));
            System.out.println("BENCH-SAMPLE kind=" + kind.label() + " loss=" + i + " lost=" + lost.name() + " "
                    + sample + " packager_now=" + to);
        }
        List<Sample> ok = samples.stream().filter(s -> s.playableMs() >= 0).toList();
        System.out.println("BENCH kind=" + kind.label() + " losses=" + samples.size() + " playable_ms median="
                + median(ok, Sample::playableMs) + " min=" + min(ok, Sample::playableMs) + " max="
                + max(ok, Sample::playableMs) + " within_10s="
                + ok.stream().filter(s -> s.playableMs() <= 10_000).count() + "/" + samples.size()
                + " timeouts=" + timeouts
                + " | moved_ms median=" + median(samples, Sample::movedMs) + " max=" + max(samples, Sample::movedMs)
                + " | down_ms median=" + median(samples, Sample::downMs) + " min=" + min(samples, Sample::downMs)
                + " max=" + max(samples, Sample::downMs)
                + " | lost_ffmpeg_gone_ms median=" + median(samples, Sample::lostFfmpegGoneMs) + " max="
                + max(samples, Sample::lostFfmpegGoneMs)
                + " | up_after_restore_ms median=" + median(samples, Sample::upMs) + " max="
                + max(samples, Sample::upMs)
                + " | load " + loadBefore + " -> " + CpuWindow.load());
    }

    /** One loss of {@code lost}, measured, then undone; -1 for what did not happen within {@link #GIVE_UP}. */
    private static Sample lose(WorkerLoss kind, WorkerHost lost, PlacedStream placed, String media) {
        Set<String> before = segments(media);
        String workerPath = RegisteredHosts.path(lost);
        long[] t = {-1, -1, -1, -1}; // playable, moved, down, lost ffmpeg gone
        List<Set<String>> atMove = new ArrayList<>(1);
        long t0 = System.nanoTime();
        // Polled from the first signal on: killing sshd waits for its processes to be gone (1-2 s),
        // freezing until none runs; what the app does meanwhile is part of the figure.
        CompletableFuture<Void> losing = CompletableFuture.runAsync(() -> kind.lose.accept(lost));
        try {
            Await.until(kind.label() + " of " + lost.name() + " measured", GIVE_UP, () -> {
                long now = System.nanoTime();
                Set<String> listed = segments(media);
                if (!kind.stillReachesTheNode && !losing.isDone()) {
                    // Freezing takes a moment: what the host still delivers meanwhile is its own.
                    before.addAll(listed);
                }
                if (t[3] < 0 && lost.processes("ffmpeg").isEmpty()) {
                    t[3] = now;
                }
                if (t[1] < 0 && movedAway(placed, lost)) {
                    t[1] = now;
                    atMove.add(listed);
                }
                if (t[0] < 0) {
                    String fresh = listed.stream()
                            .filter(uri -> !before.contains(uri))
                            .filter(uri -> !kind.stillReachesTheNode
                                    || t[3] >= 0
                                    || (!atMove.isEmpty() && !atMove.get(0).contains(uri)))
                            .reduce((a, b) -> b)
                            .orElse(null);
                    if (fresh != null
                            && Api.fetch(URI.create(media).resolve(fresh).toString())
                                            .status()
                                    == 200) {
                        t[0] = now;
                    }
                }
                if (t[2] < 0 && "DOWN".equals(setup.api.get(workerPath).json().getString("state", ""))) {
                    t[2] = now;
                }
                return t[0] >= 0 && t[1] >= 0 && t[2] >= 0;
            });
        } catch (AssertionError late) {
            System.out.println("BENCH-INFO " + late.getMessage() + "; so far (ns since the loss, -1 not seen): "
                    + Arrays.toString(
                            Arrays.stream(t).map(v -> v < 0 ? -1 : v - t0).toArray()));
        }
        try {
            losing.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(kind.label() + " of " + lost.name() + " did not complete", e);
        }
        long r0 = System.nanoTime();
        kind.undo.accept(lost);
        long up = -1;
        try {
            setup.api.awaitState(workerPath, "UP", BACK);
            up = (System.nanoTime() - r0) / 1_000_000;
            RegisteredHosts.awaitNoFfmpeg(lost, "(what ran there reaped)", LEFTOVERS);
        } catch (AssertionError notBack) {
            System.out.println("BENCH-INFO " + lost.name() + " after its restore: " + notBack.getMessage());
        }
        return new Sample(ms(t[0], t0), ms(t[1], t0), ms(t[2], t0), ms(t[3], t0), up);
    }

    private static boolean movedAway(PlacedStream placed, WorkerHost lost) {
        JsonObject packager = placed.packager(setup.api);
        return packager != null
                && "RUNNING".equals(packager.getString("state", ""))
                && !lost.name().equals(packager.getString("host", ""));
    }

    /** The segment URIs the media playlist lists now (none while it does not answer). */
    private static Set<String> segments(String media) {
        var reply = Api.fetch(media);
        Set<String> uris = new LinkedHashSet<>();
        if (reply.status() == 200) {
            reply.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(uris::add);
        }
        return uris;
    }

    private static long ms(long at, long t0) {
        return at < 0 ? -1 : (at - t0) / 1_000_000;
    }

    private static String median(List<Sample> samples, ToLongFunction<Sample> f) {
        return whole(Stats.median(seen(samples, f)));
    }

    private static String min(List<Sample> samples, ToLongFunction<Sample> f) {
        return whole(Stats.min(seen(samples, f)));
    }

    private static String max(List<Sample> samples, ToLongFunction<Sample> f) {
        return whole(Stats.max(seen(samples, f)));
    }

    private static String whole(double v) {
        return Double.isNaN(v) ? "n/a" : Long.toString(Math.round(v));
    }

    /** The figures that were seen (-1, not seen, left out). */
    private static List<Long> seen(List<Sample> samples, ToLongFunction<Sample> f) {
        return samples.stream().mapToLong(f).filter(v -> v >= 0).boxed().toList();
    }
}
