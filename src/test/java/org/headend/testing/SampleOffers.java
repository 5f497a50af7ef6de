package org.headend.testing;

/**
 * SDP offers as WHIP publishers send them. {@link #OBS} is shaped like OBS 30's (libdatachannel):
 * one POST carrying every candidate, no trickle, Opus on PT 111 then H.264 on PT 96, bundled. Its
 * ICE credentials and fingerprint are well-formed but lead nowhere: Janus answers it all the same.
 */
public final class SampleOffers {

    public static final String OBS = String.join(
            "\r\n",
            "v=0",
            "o=rtc 3405214592 0 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0 1",
            "a=group:LS 0 1",
            "a=msid-semantic:WMS *",
            "a=ice-options:ice2,trickle",
            "a=fingerprint:sha-256 2E:9B:6C:1E:0F:2A:4D:3C:7B:8A:9E:1F:5D:6C:2B:3A:4E:7F:8D:9C:0B:1A:2E:3D:4C:5B:6A:7F:8E:9D:0C:1B",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111",
            "c=IN IP4 0.0.0.0",
            "a=mid:0",
            "a=sendonly",
            "a=ssrc:1111 cname:obs",
            "a=msid:obs obs-audio",
            "a=rtcp-mux",
            "a=rtpmap:111 opus/48000/2",
            "a=fmtp:111 minptime=10;maxaveragebitrate=96000;stereo=1;sprop-stereo=1;useinbandfec=1",
            "a=setup:actpass",
            "a=ice-ufrag:Abcd",
            "a=ice-pwd:abcdefghijklmnopqrstuvwx",
            "a=candidate:1 1 UDP 2122317823 192.0.2.10 50000 typ host",
            "a=end-of-candidates",
            "m=video 9 UDP/TLS/RTP/SAVPF 96",
            "c=IN IP4 0.0.0.0",
            "a=mid:1",
            "a=sendonly",
            "a=ssrc:2222 cname:obs",
            "a=msid:obs obs-video",
            "a=rtcp-mux",
            "a=rtpmap:96 H264/90000",
            "a=rtcp-fb:96 nack",
            "a=rtcp-fb:96 nack pli",
            "a=rtcp-fb:96 goog-remb",
            "a=fmtp:96 profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1",
            "a=setup:actpass",
            "a=ice-ufrag:Abcd",
            "a=ice-pwd:abcdefghijklmnopqrstuvwx",
            "");

    /** The same publisher without its video: audio only. */
    public static final String AUDIO_ONLY = OBS.substring(0, OBS.indexOf("m=video"));

    /** The same publisher sending VP8 instead of H.264. */
    public static final String VP8 = OBS.replace("H264/90000", "VP8/90000")
            .replace("a=fmtp:96 profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1\r\n", "");

    private SampleOffers() {}
}
