package org.headend.origin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.HeadendProcess;
import org.headend.testing.HlsMaster;
import org.headend.testing.HlsPlayer;
import org.headend.testing.Publisher;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A redundant stream runs two packagers; killing (-9) or freezing (SIGSTOP) the primary moves
 * playback to the backup at once, from the supervisor's own signals, while a real player reads
 * the playback URL; the primary, restarted, gets playback back after the hysteresis.
 */
@ExtendWith(SharedHeadend.class)
class RedundantPackagersIT {

    // The supervisor's signal (exit at once, silence after 1 s) plus a probe interval, plus load.
    private static final Duration FAILOVER = Duration.ofSeconds(6);

    @Test
    void playbackMovesToTheBackupPackagerWhenThePrimaryIsKilledOrFrozen(HeadendProcess app) throws Exception {
        Api api = app.admin();
        var stream = SampleStreams.redundant(api, "redundant");
        String name = stream.name();
        assertTrue(stream.json().getBoolean("redundancy"));
        String playbackUrl = stream.playbackUrl();
        assertTrue(playbackUrl.endsWith("/" + name + "/failover/master.m3u8"), playbackUrl);
        String origins = stream.path() + "/origins";
        try (Publisher publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 15)) {
            long primaryPid = awaitActive(api, origins, "local", Duration.ofSeconds(40));
            String media = HlsMaster.firstVariant(playbackUrl, Duration.ofSeconds(20));
            Await.until("the backup packager up", Duration.ofSeconds(30), () -> "UP"
                    .equals(api.get(origins + "/local-backup").json().getString("health")));
            Await.until("the primary's segments in " + media, Duration.ofSeconds(20), () -> newest(media)
                    .startsWith("../../source/"));
            Process player = HlsPlayer.reading(playbackUrl, "redundant");
            try {
                signal("KILL", primaryPid);
                awaitActive(api, origins, "local-backup", FAILOVER);
                String playlist = Await.until(
                        "the backup's segments in " + media,
                        FAILOVER,
                        () -> newest(media).startsWith("../../packager-backup/source/")
                                ? Api.fetch(media).body()
                                : null);
                assertTrue(playlist.contains("#EXT-X-DISCONTINUITY\n"), playlist);

                // Restarted by the supervisor, the primary is switched back to after recover-after probes.
                long restartedPid = awaitActive(api, origins, "local", Duration.ofSeconds(40));
                assertTrue(restartedPid != primaryPid);
                signal("STOP", restartedPid);
                try {
                    awaitActive(api, origins, "local-backup", FAILOVER);
                } finally {
                    signal("CONT", restartedPid);
                }
                assertTrue(player.isAlive(), "the player survived both failovers");
                String metrics = api.get("/metrics").body();
                assertTrue(
                        metrics.lines()
                                        .filter(l -> l.startsWith("headend_failovers_total{")
                                                && l.contains("\"" + name + "\""))
                                        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                                        .sum()
                                >= 2,
                        metrics);
            } finally {
                player.destroyForcibly();
            }
        } finally {
            stream.close();
        }
    }

    /** Waits until the packager {@code id} is the active origin; its pid. */
    private static long awaitActive(Api api, String origins, String id, Duration deadline) {
        return Await.until(id + " active", deadline, () -> {
            var reply = api.get(origins + "/" + id);
            JsonObject origin = reply.status() == 200 ? reply.json() : null;
            return origin != null
                            && origin.getBoolean("active")
                            && origin.get("pid") != null
                            && origin.get("pid").getValueType() == jakarta.json.JsonValue.ValueType.NUMBER
                    ? origin.getJsonNumber("pid").longValue()
                    : null;
        });
    }

    private static String newest(String media) {
        var reply = Api.fetch(media);
        return reply.status() != 200
                ? ""
                : reply.body()
                        .lines()
                        .filter(l -> !l.startsWith("#"))
                        .reduce((a, b) -> b)
                        .orElse("");
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        assertEquals(
                0,
                new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                        .start()
                        .waitFor());
    }
}
