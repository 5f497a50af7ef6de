package org.headend.webrtc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.headend.testing.SampleOffers;
import org.junit.jupiter.api.Test;

class WhipOfferTest {

    @Test
    void anObsOfferIsTakenWithItsMidsAudioAndIceCredentials() throws Exception {
        WhipOffer offer = WhipOffer.parse(SampleOffers.OBS);
        assertEquals(List.of("0", "1"), offer.mids());
        assertTrue(offer.audio());
        assertEquals("Abcd", offer.iceUfrag());
        assertEquals("abcdefghijklmnopqrstuvwx", offer.icePwd());
        assertEquals(1, offer.indexOf("1"));
    }

    @Test
    void videoWithoutAudioIsTaken() throws Exception {
        String videoOnly = "v=0\r\ns=-\r\nt=0 0\r\n" + SampleOffers.OBS.substring(SampleOffers.OBS.indexOf("m=video"));
        String withFingerprint = videoOnly.replace("a=setup:actpass", "a=setup:actpass\r\na=fingerprint:sha-256 AA:BB");
        WhipOffer offer = WhipOffer.parse(withFingerprint);
        assertFalse(offer.audio());
        assertEquals(List.of("1"), offer.mids());
    }

    @Test
    void whatIsNotAnH264OfferIsRefusedSayingWhy() {
        assertRefused("", "SDP offer");
        assertRefused("hello", "v=0");
        assertRefused("v=0\r\nthis is not sdp\r\n", "x=value");
        assertRefused(SampleOffers.AUDIO_ONLY, "H.264");
        assertRefused(SampleOffers.VP8, "H.264");
        assertRefused(SampleOffers.OBS.replaceAll("a=ice-ufrag:Abcd\r\n", ""), "ICE credentials");
        assertRefused(SampleOffers.OBS.replaceAll("a=fingerprint:[^\r]*\r\n", ""), "fingerprint");
        assertRefused(SampleOffers.OBS + "a=x:" + "y".repeat(WhipOffer.MAX_BYTES), "larger");
    }

    private static void assertRefused(String sdp, String reason) {
        var e = assertThrows(WhipOffer.Invalid.class, () -> WhipOffer.parse(sdp));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
