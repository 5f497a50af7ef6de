package org.headend.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalTokensTest {

    @Test
    void generatedTokensAreThePrefixAnd32UrlSafeCharacters() {
        for (int i = 0; i < 100; i++) {
            String token = PersonalTokens.generate();
            assertTrue(token.matches("hpat_[A-Za-z0-9_-]{32}"), token);
            assertTrue(PersonalTokens.isWellFormed(token), token);
            assertTrue(PersonalTokens.claims(token), token);
        }
    }

    @Test
    void generatedTokensAreUnique() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            tokens.add(PersonalTokens.generate());
        }
        assertEquals(10_000, tokens.size());
    }

    @Test
    void malformedTokensAreToldApart() {
        for (String bad : new String[] {
            null,
            "",
            "hpat_",
            "hpat_short",
            "hpat_" + "a".repeat(33),
            "hpat_" + "a".repeat(31) + "=",
            "hk_" + "a".repeat(32)
        }) {
            assertFalse(PersonalTokens.isWellFormed(bad), String.valueOf(bad));
        }
    }

    @Test
    void aJwtIsNotTakenForAPersonalToken() {
        assertFalse(PersonalTokens.claims("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln"));
    }

    @Test
    void theHashIsSha256InHexAndNeverTheToken() {
        String token = "hpat_" + "A".repeat(16) + "z9_-".repeat(4);
        String hash = PersonalTokens.hash(token);

        assertEquals(64, hash.length());
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertEquals(hash, PersonalTokens.hash(token));
        assertNotEquals(hash, PersonalTokens.hash(token.replace('A', 'B')));
        // The empty string's SHA-256, a fixed point any implementation must hit.
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", PersonalTokens.hash(""));
    }
}
