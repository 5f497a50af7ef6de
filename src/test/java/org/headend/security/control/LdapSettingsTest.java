package org.headend.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LdapSettingsTest {

    private static final Optional<String> PEOPLE = Optional.of("ou=people,dc=example,dc=com");
    private static final Optional<String> GROUPS = Optional.of("ou=groups,dc=example,dc=com");

    @Test
    void ldapAndLdapsUrlsAreAcceptedAndReducedToTheServer() {
        assertEquals(
                "ldap://dir.example.com:389",
                settings("ldap://dir.example.com:389/", false).url().toString());
        assertEquals(
                "ldaps://dir.example.com",
                settings("LDAPS://dir.example.com", false).url().toString());
        assertEquals(
                "ldap://127.0.0.1:10389",
                settings(" ldap://127.0.0.1:10389 ", true).url().toString());
    }

    @Test
    void aMalformedUrlIsRefusedNamingTheSetting() {
        for (String url : new String[] {"dir.example.com", "http://dir.example.com", "ldap://", "ldap:// bad host"}) {
            var refused = assertThrows(IllegalStateException.class, () -> settings(url, false), url);
            assertTrue(refused.getMessage().startsWith("headend.ldap.url: '"), refused.getMessage());
        }
    }

    @Test
    void aPortThatIsNotANumberIsRefused() {
        var refused = assertThrows(IllegalStateException.class, () -> settings("ldap://dir:ldap", false));
        assertTrue(refused.getMessage().contains("needs a host and an optional port"), refused.getMessage());
    }

    @Test
    void aBaseDnInTheUrlIsRefusedPointingToTheBaseDnSettings() {
        var refused = assertThrows(
                IllegalStateException.class, () -> settings("ldap://dir/ou=people,dc=example,dc=com", false));
        assertTrue(refused.getMessage().contains("headend.ldap.user-base-dn"), refused.getMessage());
    }

    @Test
    void startTlsOnAnLdapsUrlIsRefused() {
        var refused = assertThrows(IllegalStateException.class, () -> settings("ldaps://dir", true));
        assertTrue(refused.getMessage().startsWith("headend.ldap.start-tls"), refused.getMessage());
    }

    @Test
    void aServiceAccountNeedsItsPassword() {
        var refused = assertThrows(
                IllegalStateException.class,
                () -> LdapSettings.of(
                        "ldap://dir",
                        false,
                        Optional.of("cn=headend,dc=example,dc=com"),
                        Optional.empty(),
                        PEOPLE,
                        "(uid={0})",
                        GROUPS,
                        "(member={0})",
                        "uid"));
        assertEquals("headend.ldap.bind-password is required with headend.ldap.bind-dn", refused.getMessage());
    }

    @Test
    void baseDnsAreRequiredAndChecked() {
        var missing = assertThrows(
                IllegalStateException.class,
                () -> LdapSettings.of(
                        "ldap://dir",
                        false,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        "(uid={0})",
                        GROUPS,
                        "(member={0})",
                        "uid"));
        assertEquals("headend.ldap.user-base-dn is required when headend.ldap.url is set", missing.getMessage());
        var malformed = assertThrows(
                IllegalStateException.class,
                () -> LdapSettings.of(
                        "ldap://dir",
                        false,
                        Optional.empty(),
                        Optional.empty(),
                        PEOPLE,
                        "(uid={0})",
                        Optional.of("groups"),
                        "(member={0})",
                        "uid"));
        assertTrue(malformed.getMessage().startsWith("headend.ldap.group-base-dn: 'groups'"), malformed.getMessage());
    }

    @Test
    void theUsernameAttributeIsANameOrAnOidAndNothingElse() {
        assertEquals(
                "sAMAccountName",
                settings("ldap://dir", false, " sAMAccountName ").usernameAttribute());
        assertEquals(
                "0.9.2342.19200300.100.1.1",
                settings("ldap://dir", false, "0.9.2342.19200300.100.1.1").usernameAttribute());
        for (String bad : new String[] {"", "uid;binary", "uid,cn", "(uid=*)", "1uid"}) {
            var refused = assertThrows(IllegalStateException.class, () -> settings("ldap://dir", false, bad), bad);
            assertTrue(refused.getMessage().startsWith("headend.ldap.username-attribute: '"), refused.getMessage());
        }
    }

    @Test
    void withoutServiceAccountTheSearchIsAnonymous() {
        assertFalse(settings("ldap://dir", false).bindDn().isPresent());
    }

    @Test
    void thePasswordNeverShowsInTheDescription() {
        var described = LdapSettings.of(
                        "ldap://dir",
                        false,
                        Optional.of("cn=headend,dc=example,dc=com"),
                        Optional.of("s3cret-Service"),
                        PEOPLE,
                        "(uid={0})",
                        GROUPS,
                        "(member={0})",
                        "uid")
                .toString();

        assertFalse(described.contains("s3cret-Service"), described);
        assertTrue(described.contains("cn=headend,dc=example,dc=com"), described);
    }

    private static LdapSettings settings(String url, boolean startTls) {
        return settings(url, startTls, "uid");
    }

    private static LdapSettings settings(String url, boolean startTls, String usernameAttribute) {
        return LdapSettings.of(
                url,
                startTls,
                Optional.empty(),
                Optional.empty(),
                PEOPLE,
                "(uid={0})",
                GROUPS,
                "(member={0})",
                usernameAttribute);
    }
}
