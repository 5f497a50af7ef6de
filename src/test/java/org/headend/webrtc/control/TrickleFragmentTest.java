package org.headend.webrtc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.headend.testing.SampleOffers;
import org.junit.jupiter.api.Test;

class TrickleFragmentTest {

    private final WhipOffer offer = parse();

    @Test
    void candidatesGoToJanusWithTheirMidAndLineIndex() throws Exception {
        var fragment = TrickleFragment.parse(
                String.join(
                        "\r\n",
                        "a=ice-ufrag:Abcd",
                        "a=ice-pwd:abcdefghijklmnopqrstuvwx",
                        "m=audio 9 UDP/TLS/RTP/SAVPF 0",
                        "a=mid:1",
                        "a=candidate:1 1 udp 2113937151 10.0.0.5 51000 typ host",
                        "a=end-of-candidates"),
                offer);
        assertEquals(1, fragment.candidates().size());
        JsonObject candidate = fragment.candidates().getJsonObject(0);
        assertEquals("candidate:1 1 udp 2113937151 10.0.0.5 51000 typ host", candidate.getString("candidate"));
        assertEquals("1", candidate.getString("sdpMid"));
        assertEquals(1, candidate.getInt("sdpMLineIndex"));
        assertTrue(fragment.completed());
        assertFalse(fragment.restartsIce(offer));
    }

    @Test
    void newIceCredentialsAreAnIceRestart() throws Exception {
        var fragment = TrickleFragment.parse("a=ice-ufrag:Wxyz\r\na=ice-pwd:anotherpasswordaltogether\r\n", offer);
        assertTrue(fragment.restartsIce(offer));
    }

    @Test
    void aFragmentThatIsNotSdpIsRefused() {
        assertThrows(WhipOffer.Invalid.class, () -> TrickleFragment.parse("{\"candidate\":1}", offer));
    }

    private static WhipOffer parse() {
        try {
            return WhipOffer.parse(SampleOffers.OBS);
        } catch (WhipOffer.Invalid e) {
            throw new AssertionError(e);
        }
    }
}
