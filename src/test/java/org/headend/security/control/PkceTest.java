package org.headend.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void theChallengeIsTheOneOfRfc7636AppendixB() {
        assertEquals(
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void verifiersAre43UnreservedCharactersAndNeverRepeat() {
        String first = Pkce.verifier();
        String second = Pkce.verifier();

        assertTrue(first.matches("[A-Za-z0-9_-]{43}"), first);
        assertNotEquals(first, second);
    }
}
