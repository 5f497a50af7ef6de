package org.headend.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class StreamKeysTest {

    static final String SAMPLE_KEY = "hk_" + "A".repeat(16) + "z9_-".repeat(4);

    @Test
    void generatedKeysAreWellFormed() {
        for (int i = 0; i < 100; i++) {
            String key = StreamKeys.generate();
            assertTrue(key.matches("hk_[A-Za-z0-9_-]{32}"), key);
            assertTrue(StreamKeys.isWellFormed(key), key);
        }
    }

    @Test
    void generatedKeysAreUnique() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add(StreamKeys.generate());
        }
        assertEquals(10_000, keys.size());
    }

    @Test
    void hashIsSha256InHex() {
        String hash = StreamKeys.hash(SAMPLE_KEY);

        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", StreamKeys.hash("abc"));
    }

    @Test
    void hashIsDeterministicAndDiffersPerKey() {
        assertEquals(StreamKeys.hash(SAMPLE_KEY), StreamKeys.hash(SAMPLE_KEY));
        assertNotEquals(StreamKeys.hash(SAMPLE_KEY), StreamKeys.hash(StreamKeys.generate()));
    }

    @Test
    void theSampleKeyIsWellFormed() {
        assertTrue(StreamKeys.isWellFormed(SAMPLE_KEY));
    }

    static Stream<String> malformedKeys() {
        String body = "A".repeat(31);
        return Stream.of(
                "hk_",
                "hk_" + body,
                "hk_" + body + "AA",
                "xx_" + body + "A",
                "HK_" + body + "A",
                "hk_" + body + "+",
                "hk_" + body + "/",
                "hk_" + body + "=",
                "hk_" + body + " ",
                "hk_" + body.substring(1) + ";x",
                "hk_" + body + "A\n",
                " hk_" + body + "A");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @MethodSource("malformedKeys")
    void rejectsMalformedKeys(String key) {
        assertFalse(StreamKeys.isWellFormed(key), String.valueOf(key));
    }
}
