package org.headend.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class OidcIdentityTest {

    @Test
    void theUsernameIsThePreferredOneFirst() {
        var claims = claims("sub-1");
        claims.setClaim("email", "olivia@example.com");
        claims.setClaim("preferred_username", "olivia");

        assertEquals("olivia", OidcIdentity.of(claims, "groups").username());
    }

    @Test
    void thenTheEmailThenTheSubject() {
        var withEmail = claims("sub-1");
        withEmail.setClaim("email", "olivia@example.com");
        withEmail.setClaim("preferred_username", " ");

        assertEquals("olivia@example.com", OidcIdentity.of(withEmail, "groups").username());
        assertEquals("sub-1", OidcIdentity.of(claims("sub-1"), "groups").username());
    }

    @Test
    void groupsComeFromTheConfiguredClaimAsAListOrOneString() {
        var claims = claims("s");
        claims.setStringListClaim("groups", "video-ops", "staff");
        claims.setClaim("roles", "video-admins");

        assertEquals(
                List.of("video-ops", "staff"), OidcIdentity.of(claims, "groups").groups());
        assertEquals(List.of("video-admins"), OidcIdentity.of(claims, "roles").groups());
        assertEquals(List.of(), OidcIdentity.of(claims, "absent").groups());
    }

    @Test
    void nonStringGroupsAreIgnored() {
        var claims = claims("s");
        claims.setClaim("groups", List.of("video-ops", 42, true));

        assertEquals(List.of("video-ops"), OidcIdentity.of(claims, "groups").groups());
    }

    @Test
    void aTokenNamingNobodyOrAnUnprintableNameIsRefused() {
        assertThrows(OidcException.class, () -> OidcIdentity.of(new JwtClaims(), "groups"));
        assertThrows(OidcException.class, () -> OidcIdentity.of(claims("a\nb"), "groups"));
        assertThrows(OidcException.class, () -> OidcIdentity.of(claims("x".repeat(129)), "groups"));
    }

    private static JwtClaims claims(String subject) {
        var claims = new JwtClaims();
        claims.setSubject(subject);
        return claims;
    }
}
