package org.headend.origin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.HeadendProcess;
import org.headend.testing.HlsOrigin;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.headend.testing.SampleLadders;
import org.headend.testing.SampleStreams;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A redundant stream keeps its ladder: the playback URL's master offers every rendition, each
 * stitched from its own segments, and a failure of the primary packager moves every rendition to
 * the backup's same rendition, so a player keeps its quality choice through the failover.
 */
@ExtendWith(SharedHeadend.class)
class StitchedLadderIT {

    private static final Duration START = Duration.ofSeconds(40);
    private static final Duration FAILOVER = Duration.ofSeconds(6);

    @Test
    void everyRenditionFailsOverToTheSameRenditionOfTheBackup(HeadendProcess app) throws Exception {
        Api api = app.admin();
        String ladder = Names.unique("pair");
        api.post("/api/v1/ladders", SampleLadders.twoTiny(ladder));
        var stream = SampleStreams.on(api)
                .unique("ladder")
                .ladder(ladder)
                .redundancy(true)
                .create();
        String name = stream.name();
        String origins = stream.path() + "/origins";
        String master = stream.playbackUrl();
        try (Publisher publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 15)) {
            // Until the packager writes its own master the renditions are offered by name alone.
            String listed = Await.until("both renditions with their sizes in " + master, START, () -> {
                var reply = Api.fetch(master);
                return reply.status() == 200 && reply.body().contains("RESOLUTION=") ? reply.body() : null;
            });
            assertEquals(List.of("180p/index.m3u8", "144p/index.m3u8"), uris(listed), listed);
            assertTrue(listed.contains("RESOLUTION=320x180"), listed);
            assertTrue(listed.contains("RESOLUTION=256x144"), listed);
            for (String rendition : List.of("180p", "144p")) {
                awaitNewest(variant(master, rendition), "../../" + rendition + "/", START);
            }
            Await.until("the backup packager up", START, () -> "UP"
                    .equals(api.get(origins + "/local-backup").json().getString("health")));

            long pid = api.get(origins + "/local").json().getJsonNumber("pid").longValue();
            new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor();

            for (String rendition : List.of("180p", "144p")) {
                String playlist =
                        awaitNewest(variant(master, rendition), "../../packager-backup/" + rendition + "/", FAILOVER);
                assertTrue(playlist.contains("#EXT-X-DISCONTINUITY\n"), playlist);
                assertTrue(uris(playlist).stream().allMatch(u -> u.contains("/" + rendition + "/")), playlist);
            }
        } finally {
            stream.close();
            api.delete("/api/v1/ladders/" + ladder);
        }
    }

    @Test
    void anExternalMastersVariantsServeTheRenditionsOfTheirHeight(HeadendProcess app) throws Exception {
        Api api = app.admin();
        String ladder = Names.unique("pair");
        api.post("/api/v1/ladders", SampleLadders.twoTiny(ladder));
        var stream = SampleStreams.withLadder(api, "cdn", ladder);
        String name = stream.name();
        String origins = stream.path() + "/origins";
        try (HlsOrigin cdn = HlsOrigin.start("cdn").awaitPlaylist(START);
                Publisher publisher = Publisher.start(app.rtmpUrl(), stream.key(), 320, 180, 15)) {
            String cdnId = api.post(origins, "{\"name\":\"cdn\",\"url\":\"" + cdn.masterUrl() + "\",\"priority\":5}")
                    .json()
                    .getString("id");
            String master = api.get("/api/v1/streams/" + stream.id()).json().getString("playbackUrl");
            for (String rendition : List.of("180p", "144p")) {
                awaitNewest(variant(master, rendition), "../../" + rendition + "/", START);
            }

            api.post(origins + "/" + cdnId + "/activate", "");

            String segments = cdn.url().replace("index.m3u8", "");
            for (String rendition : List.of("180p", "144p")) {
                String playlist = awaitNewest(variant(master, rendition), segments, FAILOVER);
                assertTrue(playlist.contains("#EXT-X-DISCONTINUITY\n"), playlist);
            }
            assertTrue(
                    cdn.requested().contains("/index.m3u8?variant=144p"),
                    "144p read from the CDN's 144p: " + cdn.requested());
            String listed = Api.fetch(master).body();
            assertEquals(List.of("180p/index.m3u8", "144p/index.m3u8"), uris(listed), "the ladder stays: " + listed);
        } finally {
            stream.close();
            api.delete("/api/v1/ladders/" + ladder);
        }
    }

    private static String variant(String master, String rendition) {
        return URI.create(master).resolve(rendition + "/index.m3u8").toString();
    }

    /** Waits until the newest segment of {@code media} starts with {@code prefix}; the playlist. */
    private static String awaitNewest(String media, String prefix, Duration deadline) {
        return Await.until("segments " + prefix + "* in " + media, deadline, () -> {
            var reply = Api.fetch(media);
            if (reply.status() != 200) {
                return null;
            }
            List<String> uris = uris(reply.body());
            return !uris.isEmpty() && uris.get(uris.size() - 1).startsWith(prefix) ? reply.body() : null;
        });
    }

    private static List<String> uris(String playlist) {
        return playlist.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }
}
