package org.headend.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.headend.stream.entity.InputInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NginxStatTest {

    /**
     * What nginx-rtmp 1.2 answers on /stat: a publisher with its transcoder playing, a player of
     * another name, a fresh publisher not listed as a client yet.
     */
    static final String SAMPLE_STAT =
            """
            <?xml version="1.0" encoding="utf-8" ?>
            <?xml-stylesheet type="text/xsl" href="stat.xsl" ?>
            <rtmp>
            <nginx_version>1.22.1</nginx_version>
            <nginx_rtmp_version>1.1.4</nginx_rtmp_version>
            <built>Jan  1 2024 00:00:00</built>
            <pid>4242</pid>
            <uptime>310</uptime>
            <naccepted>5</naccepted>
            <bw_in>1402000</bw_in><bytes_in>51234567</bytes_in>
            <bw_out>1327000</bw_out><bytes_out>49876543</bytes_out>
            <server>
            <application>
            <name>live</name>
            <live>
            <stream>
              <name>townhall</name>
              <time>300123</time>
              <bw_in>1327000</bw_in><bytes_in>49876543</bytes_in>
              <bw_out>0</bw_out><bytes_out>0</bytes_out>
              <bw_audio>128000</bw_audio><bw_video>1199000</bw_video>
              <client>
                <id>14</id><address>127.0.0.1</address><time>290000</time><flashver>LNX 9,0,124,2</flashver>
                <dropped>0</dropped><avsync>0</avsync><timestamp>290000</timestamp><active/>
              </client>
              <client>
                <id>12</id><address>203.0.113.7</address><time>300123</time><flashver>FMLE/3.0</flashver>
                <dropped>0</dropped><avsync>-3</avsync><timestamp>300100</timestamp>
                <publishing/><active/>
              </client>
              <meta>
                <video><width>640</width><height>360</height><frame_rate>15</frame_rate>
                  <codec>H264</codec><profile>High</profile><compat>0</compat><level>3.0</level></video>
                <audio><codec>AAC</codec><profile>LC</profile><channels>2</channels>
                  <sample_rate>48000</sample_rate></audio>
              </meta>
              <nclients>2</nclients>
              <publishing/>
              <active/>
            </stream>
            <stream>
              <name>player-only</name>
              <time>5000</time>
              <bw_in>0</bw_in><bytes_in>0</bytes_in>
              <client><id>13</id><address>127.0.0.1</address><time>5000</time></client>
              <nclients>1</nclients>
            </stream>
            <stream>
              <name>warming-up</name>
              <time>120</time>
              <bw_in>0</bw_in><bytes_in>0</bytes_in>
              <nclients>1</nclients>
              <publishing/>
            </stream>
            <nclients>3</nclients>
            </live>
            </application>
            </server>
            </rtmp>
            """;

    @Test
    void readsWhatThePublisherSends() {
        var cut = NginxStat.publishedStreams(SAMPLE_STAT);

        assertEquals(new InputInfo("H264", "AAC", 640, 360, 15.0, 1327, 1199, true), cut.get("townhall"));
    }

    @Test
    void tellsThePublishersClientIdNotAPlayers() {
        var cut = NginxStat.publisherClients(SAMPLE_STAT);

        assertEquals(Map.of("townhall", "12"), cut);
    }

    @Test
    void ignoresStreamsThatAreOnlyPlayed() {
        var cut = NginxStat.publishedStreams(SAMPLE_STAT);

        assertEquals(Set.of("townhall", "warming-up"), cut.keySet());
    }

    @Test
    void aStreamWithoutMetaIsReportedWithUnknownSize() {
        InputInfo warmingUp = NginxStat.publishedStreams(SAMPLE_STAT).get("warming-up");

        assertFalse(warmingUp.knowsSize());
        assertEquals(null, warmingUp.videoCodec());
        assertEquals(0.0, warmingUp.frameRate());
        assertTrue(warmingUp.hasAudio(), "audio is assumed until meta says otherwise");
    }

    @Test
    void aStreamWithVideoOnlyHasNoAudio() {
        String xml =
                """
                <rtmp><server><application><name>live</name><live><stream><name>silent</name>
                <bw_in>800000</bw_in>
                <meta><video><width>1280</width><height>720</height><frame_rate>30</frame_rate>
                <codec>H264</codec></video><audio></audio></meta><publishing/><active/>
                </stream></live></application></server></rtmp>
                """;

        var cut = NginxStat.publishedStreams(xml);

        assertEquals(new InputInfo("H264", null, 1280, 720, 30.0, 800, 0, false), cut.get("silent"));
    }

    @Test
    void streamsOfOtherApplicationsAreIgnored() {
        String xml =
                """
                <rtmp><server>
                <application><name>live</name><live></live></application>
                <application><name>relay</name><live><stream><name>townhall</name><bw_in>900000</bw_in>
                <publishing/><active/></stream></live></application>
                </server></rtmp>
                """;

        var cut = NginxStat.publishedStreams(xml);

        assertTrue(cut.isEmpty(), "a 'townhall' published to another application is not the live one: " + cut);
    }

    @Test
    void countsPlayersButNotThePublisher() {
        var cut = NginxStat.players(SAMPLE_STAT, Duration.ofHours(1));

        assertEquals(1, cut.get("townhall"), "its packager plays it; its publisher is no player");
        assertEquals(1, cut.get("player-only"));
        assertEquals(0, cut.get("warming-up"));
    }

    @Test
    void countsOnlyPlayersThatJoinedRecently() {
        var cut = NginxStat.players(SAMPLE_STAT, Duration.ofSeconds(5));

        assertEquals(1, cut.get("player-only"), "connected 5000 ms ago");
        assertEquals(0, NginxStat.players(SAMPLE_STAT, Duration.ofMillis(4999)).get("player-only"));
    }

    @Test
    void playersWaitingForANameNobodyPublishesYetAreCounted() {
        String xml =
                """
                <rtmp><server><application><name>live</name><live>
                <stream><name>townhall</name><time>120</time><bw_in>0</bw_in>
                <client><id>47</id><address>127.0.0.1</address><time>664</time></client>
                <client><id>48</id><address>127.0.0.1</address><time>650</time></client>
                <nclients>2</nclients></stream>
                </live></application>
                <application><name>relay</name><live><stream><name>other</name>
                <client><id>49</id><address>127.0.0.1</address></client></stream></live></application>
                </server></rtmp>
                """;

        var cut = NginxStat.players(xml, Duration.ofSeconds(1));

        assertEquals(Map.of("townhall", 2), cut, "the primary and the backup packager wait");
        assertTrue(NginxStat.publishedStreams(xml).isEmpty(), "nobody publishes yet");
    }

    @Test
    void noStreamsGiveAnEmptyMap() {
        var cut = NginxStat.publishedStreams("<rtmp><server><application><name>live</name><live>"
                + "<nclients>0</nclients></live></application></server></rtmp>");

        assertTrue(cut.isEmpty());
    }

    @Test
    void malformedXmlIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> NginxStat.publishedStreams("<rtmp><server><application><name>live</name>"));
        assertThrows(IllegalArgumentException.class, () -> NginxStat.publishedStreams("502 Bad Gateway"));
        assertThrows(IllegalArgumentException.class, () -> NginxStat.publishedStreams(""));
    }

    @Test
    void aDoctypeWithAnExternalEntityIsRefused(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "hk_leaked");
        String xxe =
                """
                <?xml version="1.0"?>
                <!DOCTYPE rtmp [<!ENTITY leak SYSTEM "%s">]>
                <rtmp><server><application><name>live</name><live><stream><name>&leak;</name>
                <publishing/></stream></live></application></server></rtmp>
                """
                        .formatted(secret.toUri());

        var refused = assertThrows(IllegalArgumentException.class, () -> NginxStat.publishedStreams(xxe));

        assertFalse(String.valueOf(refused.getMessage()).contains("hk_leaked"), refused.getMessage());
    }
}
