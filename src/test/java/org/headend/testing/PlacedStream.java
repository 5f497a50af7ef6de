package org.headend.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.headend.testing.SampleStreams.SampleStream;

/**
 * A live stream of the workers' tests and benches (WorkersIT, org.headend.bench), published by a real {@link Publisher}, and what the test reads
 * of it: where its packager runs (the processes API), whether an ffmpeg of it runs on the node,
 * and whether its playback URL plays (a new segment that downloads, then a real player reading
 * through the next one). Closing it stops the publisher and deletes the stream.
 */
public final class PlacedStream implements AutoCloseable {

    private final int[] picture;
    private SampleStream stream;
    private Publisher publisher;

    private PlacedStream(SampleStream stream, int[] picture) {
        this.stream = stream;
        this.picture = picture.clone();
    }

    /** A stream on {@code ladder} pinned to {@code worker} ({@code null}: placed by Headend), then published. */
    public static PlacedStream publishing(HeadendProcess app, Api api, String ladder, String worker) {
        return publishing(app, api, ladder, worker, 320, 180, 15, false);
    }

    /** As above, with a publisher of that picture size and frame rate. */
    public static PlacedStream publishing(
            HeadendProcess app, Api api, String ladder, String worker, int width, int height, int fps) {
        return publishing(app, api, ladder, worker, width, height, fps, false);
    }

    /** A redundant stream (two packagers) whose primary is pinned to {@code worker}, then published. */
    public static PlacedStream publishingRedundant(HeadendProcess app, Api api, String ladder, String worker) {
        return publishing(app, api, ladder, worker, 320, 180, 15, true);
    }

    /** As above, with a publisher of that picture size and frame rate (a 2 s GOP, as {@link Publisher}'s). */
    public static PlacedStream publishing(
            HeadendProcess app,
            Api api,
            String ladder,
            String worker,
            int width,
            int height,
            int fps,
            boolean redundant) {
        var placed =
                new PlacedStream(SampleStreams.withLadder(api, "onworker", ladder), new int[] {width, height, fps});
        try {
            if (worker != null || redundant) {
                var change = Json.createObjectBuilder().add("redundancy", redundant);
                if (worker != null) {
                    change.add("worker", worker);
                }
                var reply = api.put(placed.stream.path(), change.build());
                assertEquals(200, reply.status(), reply.body());
            }
            placed.publish(app);
            return placed;
        } catch (RuntimeException | AssertionError e) {
            placed.close();
            throw e;
        }
    }

    public SampleStream stream() {
        return stream;
    }

    /** From now on through this client, e.g. the next run of a restarted app. */
    public void via(Api api) {
        stream = stream.via(api);
    }

    /** Publishes (again) into this app, e.g. after a restart of it. */
    public void publish(HeadendProcess app) {
        stopPublishing();
        publisher = Publisher.start(app.rtmpUrl(), stream.key(), picture[0], picture[1], picture[2]);
    }

    public void stopPublishing() {
        if (publisher != null) {
            publisher.close();
            publisher = null;
        }
    }

    /** The stream's packager as the processes API shows it (role, host, pid, state, restarts), or null. */
    public JsonObject packager(Api api) {
        return api.get(stream.path("processes")).json().getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .filter(p -> "packager".equals(p.getString("role")))
                .findFirst()
                .orElse(null);
    }

    /** Waits until the packager is RUNNING on {@code host}; answers it. */
    public JsonObject awaitPackagerOn(Api api, String host, Duration deadline) {
        return awaitPackager(api, "on " + host, p -> host.equals(p.getString("host")), deadline);
    }

    public JsonObject awaitPackagerAwayFrom(Api api, String host, Duration deadline) {
        return awaitPackager(api, "away from " + host, p -> !host.equals(p.getString("host")), deadline);
    }

    /** Waits until the packager is RUNNING and as {@code wanted} says; answers it. */
    public JsonObject awaitPackager(Api api, String what, Predicate<JsonObject> wanted, Duration deadline) {
        JsonObject[] last = new JsonObject[1];
        try {
            return Await.until("the packager of " + stream.name() + " running " + what, deadline, () -> {
                last[0] = packager(api);
                return last[0] != null && "RUNNING".equals(last[0].getString("state")) && wanted.test(last[0])
                        ? last[0]
                        : null;
            });
        } catch (AssertionError late) {
            throw new AssertionError(late.getMessage() + "; last seen: " + last[0], late);
        }
    }

    /**
     * What the stream's status says of its placement ({@code placement}, {@code lastError} or the
     * transcoder's {@code lastError}) when that mentions {@code word}; null otherwise.
     */
    public String statusSaying(Api api, String word) {
        JsonObject status = api.get(stream.path("status")).json();
        JsonObject transcoder = status.get("transcoder") instanceof JsonObject t ? t : JsonValue.EMPTY_JSON_OBJECT;
        return Stream.of(status.get("placement"), status.get("lastError"), transcoder.get("lastError"))
                .filter(v -> v != null && v.toString().contains(word))
                .map(Object::toString)
                .findFirst()
                .orElse(null);
    }

    /** The ffmpegs the app runs on the node for this stream (its name is in their arguments). */
    public List<ProcessHandle> onNode(HeadendProcess app) {
        return app.children("ffmpeg").stream()
                .filter(p -> p.info().commandLine().orElse("").contains(stream.name()))
                .toList();
    }

    /**
     * Watches a playback URL's first variant for {@code span}, every 200 ms: the longest time its
     * newest segment stood still, as a player waiting for the next one sees it.
     */
    public Duration longestStandstill(String playbackUrl, Duration span) {
        String media = HlsMaster.firstVariant(playbackUrl, Duration.ofSeconds(20));
        long end = System.nanoTime() + span.toNanos();
        String[] seen = {newest(media)};
        long[] since = {System.nanoTime()};
        long[] longest = {0};
        // Await's polling paces the look; the probe answers only once the span is over.
        Await.until("the end of " + span.toSeconds() + " s of watching " + media, span.plusSeconds(10), () -> {
            String now = newest(media);
            long at = System.nanoTime();
            if (!now.isEmpty() && !now.equals(seen[0])) {
                seen[0] = now;
                since[0] = at;
            }
            longest[0] = Math.max(longest[0], at - since[0]);
            return at >= end ? Boolean.TRUE : null;
        });
        return Duration.ofNanos(longest[0]);
    }

    /** Waits, up to the deadline, for a segment newer than the newest one now, and downloads it. */
    public void awaitNewSegment(Duration deadline) {
        awaitNewSegment(stream.playbackUrl(), deadline);
    }

    /** As above, through another playback URL of the stream (its stitched playlist, say). */
    public void awaitNewSegment(String playbackUrl, Duration deadline) {
        String media = HlsMaster.firstVariant(playbackUrl, deadline);
        String before = newest(media);
        String fresh = Await.until("a new segment in " + media, deadline, () -> {
            String now = newest(media);
            return !now.isEmpty() && !now.equals(before) ? now : null;
        });
        var segment = Api.fetch(URI.create(media).resolve(fresh).toString());
        assertEquals(200, segment.status(), "the new segment " + fresh + " downloads");
    }

    /** Plays: a new segment within the deadline, then a real player reads through the next one. */
    public void assertPlays(Duration deadline) {
        awaitNewSegment(deadline);
        Process player = HlsPlayer.reading(stream.playbackUrl(), "workers");
        try {
            awaitNewSegment(Duration.ofSeconds(20));
            assertTrue(player.isAlive(), "the player reads " + stream.playbackUrl() + " on");
        } finally {
            player.destroyForcibly();
        }
    }

    private static String newest(String media) {
        var reply = Api.fetch(media);
        return reply.status() != 200
                ? ""
                : reply.body()
                        .lines()
                        .filter(l -> !l.startsWith("#") && !l.isBlank())
                        .reduce((a, b) -> b)
                        .orElse("");
    }

    /** Stops publishing and deletes the stream; an app that is gone (the test failed mid-restart) is no new failure. */
    @Override
    public void close() {
        try {
            stopPublishing();
        } finally {
            try {
                stream.close();
            } catch (UncheckedIOException appGone) {
                // The test's own failure is the one to see.
            }
        }
    }
}
