package org.headend.webhook.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void isTheHexHmacSha256OfTheBodyUnderTheSecret() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals(
                "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Signature.of("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void changesWithEveryByteOfTheBodyAndWithTheSecret() {
        byte[] body = "{\"type\":\"stream.live\"}".getBytes(StandardCharsets.UTF_8);
        byte[] other = "{\"type\":\"stream.live\" }".getBytes(StandardCharsets.UTF_8);
        String secret = "0123456789abcdef";
        assertNotEquals(Signature.of(secret, body), Signature.of(secret, other));
        assertNotEquals(Signature.of(secret, body), Signature.of(secret + "x", body));
        assertEquals(Signature.of(secret, body), Signature.of(secret, body.clone()));
    }
}
