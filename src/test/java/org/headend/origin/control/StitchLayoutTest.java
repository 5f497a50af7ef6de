package org.headend.origin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StitchLayoutTest {

    private static final MediaPlaylist PACKAGER_MASTER = MediaPlaylist.parse(
            """
            #EXTM3U
            #EXT-X-VERSION:6
            #EXT-X-STREAM-INF:BANDWIDTH=1540000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"
            720p/index.m3u8

            #EXT-X-STREAM-INF:BANDWIDTH=650000,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2"
            360p/index.m3u8
            """);

    @Test
    void aPackagersLadderKeepsItsNamesAndAttributes() {
        var cut = StitchLayout.local(List.of("720p", "360p"), PACKAGER_MASTER);

        assertEquals(List.of("720p", "360p"), cut.names());
        assertEquals(
                """
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-STREAM-INF:BANDWIDTH=1540000,RESOLUTION=1280x720,CODECS="avc1.64001f,mp4a.40.2"
                720p/index.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=650000,RESOLUTION=640x360,CODECS="avc1.64001e,mp4a.40.2"
                360p/index.m3u8
                """,
                cut.master());
    }

    @Test
    void beforeThePackagerWroteItsMasterEachVariantStillHasABandwidth() {
        var cut = StitchLayout.local(List.of("source"), null);

        assertEquals(
                "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-STREAM-INF:BANDWIDTH=2000000\nsource/index.m3u8\n", cut.master());
    }

    @Test
    void anExternalMasterIsRenamedAndLosesItsGroupReferences() {
        var external = MediaPlaylist.parse(
                """
                #EXTM3U
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="en",URI="audio/en.m3u8"
                #EXT-X-STREAM-INF:BANDWIDTH=900000,AUDIO="aud",RESOLUTION=960x540
                https://cdn.example/live/540.m3u8
                #EXT-X-STREAM-INF:RESOLUTION=416x234,AUDIO="aud"
                https://cdn.example/live/234.m3u8
                """);

        var cut = StitchLayout.external(external);

        assertEquals(List.of("v0", "v1"), cut.names());
        assertEquals(
                "BANDWIDTH=900000,RESOLUTION=960x540", cut.variants().get(0).attributes());
        assertEquals(
                "BANDWIDTH=2000000,RESOLUTION=416x234", cut.variants().get(1).attributes());
    }

    @Test
    void anExternalMediaPlaylistIsOneVariant() {
        var media = MediaPlaylist.parse("#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\na.ts\n");

        assertEquals(List.of("v0"), StitchLayout.external(media).names());
    }
}
