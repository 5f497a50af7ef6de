package org.headend.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelayKeysTest {

    private final RelayKeys cut = new RelayKeys();

    @Test
    void aKeyNamesItsStreamUntilRevoked() {
        String a = cut.issue("s1");
        String b = cut.issue("s1");
        assertNotEquals(a, b, "every relay has its own key");
        assertEquals(Optional.of("s1"), cut.streamFor(a));
        cut.revoke(a);
        assertEquals(Optional.empty(), cut.streamFor(a));
        assertEquals(Optional.of("s1"), cut.streamFor(b), "revoking one leaves the other");
    }

    @Test
    void otherNamesAreNoRelayKeys() {
        String key = cut.issue("s1");
        assertEquals(Optional.empty(), cut.streamFor(key + "x"));
        assertEquals(Optional.empty(), cut.streamFor("relay_"));
        assertEquals(Optional.empty(), cut.streamFor("somestream"));
        assertEquals(Optional.empty(), cut.streamFor(null));
    }
}
