package org.headend.webrtc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishBridgeTest {

    private static final String PUBLISH = "rtmp://127.0.0.1:1935/live/relay_x";

    @Test
    void videoIsCopiedOpusBecomesAacAndFlvGoesToTheRelayKey() {
        List<String> argv = PublishBridge.command("ffmpeg", Path.of("/h/webrtc/abc.sdp"), true, PUBLISH);
        assertEquals("file,udp,rtp", argv.get(argv.indexOf("-protocol_whitelist") + 1));
        assertEquals("/h/webrtc/abc.sdp", argv.get(argv.indexOf("-i") + 1));
        assertEquals("127.0.0.1", argv.get(argv.indexOf("-localaddr") + 1), "RTP taken on loopback only");
        assertTrue(argv.indexOf("-localaddr") < argv.indexOf("-i"), "an input option");
        assertEquals("copy", argv.get(argv.indexOf("-c:v") + 1));
        assertEquals("aac", argv.get(argv.indexOf("-c:a") + 1));
        assertEquals("flv", argv.get(argv.indexOf("-f") + 1));
        assertEquals(PUBLISH, argv.get(argv.size() - 1));
        assertTrue(argv.contains("-progress"), "the supervisor's watchdog reads progress");
    }

    @Test
    void withoutAudioNoAudioIsMappedOrEncoded() {
        List<String> argv = PublishBridge.command("ffmpeg", Path.of("x.sdp"), false, PUBLISH);
        assertFalse(argv.contains("-c:a"));
        assertFalse(argv.contains("0:a:0"));
    }

    @Test
    void theSdpNamesThePortsAndThePayloadTypesJanusForwardsWith() {
        String sdp = PublishBridge.sdp(new RtpPorts(40000, 40002), true);
        assertTrue(sdp.contains("m=video 40000 RTP/AVP 96\r\n"), sdp);
        assertTrue(sdp.contains("a=rtpmap:96 H264/90000\r\n"), sdp);
        assertTrue(sdp.contains("m=audio 40002 RTP/AVP 111\r\n"), sdp);
        assertTrue(sdp.contains("a=rtpmap:111 opus/48000/2\r\n"), sdp);
        assertFalse(PublishBridge.sdp(new RtpPorts(40000, 40002), false).contains("m=audio"));
    }

    @Test
    void rtpPortsComeWithTheirRtcpPortsFree() throws Exception {
        RtpPorts ports = RtpPorts.take();
        assertEquals(0, ports.video() % 2);
        assertEquals(ports.video() + 2, ports.audio());
    }
}
