package org.headend.playback.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlaybackSignerTest {

    static final String SECRET = "sekret0123456789abc";

    @Test
    void matchesWhatNginxSecureLinkComputes() {
        // echo -n "1795262274s1 sekret0123456789abc" | openssl md5 -binary | base64 | tr '+/' '-_' | tr -d '='
        assertEquals("e7uyIbG20zUmb2_Hc43wBQ", PlaybackSigner.token("s1", 1795262274L, SECRET));
    }

    @Test
    void isUrlSafeWithoutPadding() {
        String token = PlaybackSigner.token("townhall", 1_800_000_000L, SECRET);

        assertTrue(token.matches("[A-Za-z0-9_-]{22}"), token);
    }

    @Test
    void changesWithTheStreamTheExpiryAndTheSecret() {
        String token = PlaybackSigner.token("townhall", 1_800_000_000L, SECRET);

        assertNotEquals(token, PlaybackSigner.token("townhall2", 1_800_000_000L, SECRET));
        assertNotEquals(token, PlaybackSigner.token("townhall", 1_800_000_001L, SECRET));
        assertNotEquals(token, PlaybackSigner.token("townhall", 1_800_000_000L, SECRET + "x"));
    }
}
