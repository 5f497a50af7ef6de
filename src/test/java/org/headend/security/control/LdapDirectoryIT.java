package org.headend.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.headend.testing.FreePorts;
import org.headend.testing.LdapTestCertificate;
import org.headend.testing.LdapTestDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory client against a real (in-memory) LDAP server, without the application around it. */
class LdapDirectoryIT {

    private static LdapTestDirectory directory;

    @BeforeAll
    static void start() {
        directory = LdapTestDirectory.plain();
    }

    @AfterAll
    static void stop() {
        directory.close();
    }

    @Test
    void theRightPasswordGivesTheUserWithItsGroups() {
        assertEquals(
                Optional.of(new DirectoryUser("alice", List.of("video-admins"))),
                ldap(directory.url()).authenticate("alice", LdapTestDirectory.passwordOf("alice")));
        assertEquals(
                Optional.of(new DirectoryUser("dave", List.of())),
                ldap(directory.url()).authenticate("dave", LdapTestDirectory.passwordOf("dave")));
    }

    @Test
    void theUserIsNamedAsTheDirectorySpellsItNotAsTyped() {
        for (String typed : List.of("ALICE", "Alice")) {
            assertEquals(
                    Optional.of(new DirectoryUser("alice", List.of("video-admins"))),
                    ldap(directory.url()).authenticate(typed, LdapTestDirectory.passwordOf("alice")),
                    "'" + typed + "'");
        }
    }

    @Test
    void anEntryWithoutTheUsernameAttributeSignsNobodyIn() {
        var cut = ldap(directory.url());
        cut.usernameAttribute = "mail";

        assertEquals(Optional.empty(), cut.authenticate("alice", LdapTestDirectory.passwordOf("alice")));
    }

    @Test
    void aDnWithEscapesFindsItsGroups() {
        String uid = "fay(tv), desk";

        assertEquals(
                Optional.of(new DirectoryUser(uid, List.of("video-ops"))),
                ldap(directory.url()).authenticate(uid, LdapTestDirectory.passwordOf(uid)));
    }

    @Test
    void aWrongPasswordOrUnknownUserGivesNothing() {
        assertEquals(Optional.empty(), ldap(directory.url()).authenticate("alice", "wrong"));
        assertEquals(Optional.empty(), ldap(directory.url()).authenticate("ghost", "wrong"));
    }

    @Test
    void anEmptyPasswordNeverBinds() {
        // An empty simple bind is "unauthenticated": the server would accept it as anonymous.
        assertEquals(Optional.empty(), ldap(directory.url()).authenticate("alice", ""));
    }

    @Test
    void wildcardsAndFilterSyntaxInTheUsernameMatchNobody() {
        for (String username : List.of("al*", "*", "alice)(uid=*", "*)(|(uid=*", "alice\0")) {
            assertEquals(
                    Optional.empty(),
                    ldap(directory.url()).authenticate(username, LdapTestDirectory.passwordOf("alice")),
                    username);
        }
    }

    @Test
    void aUsernameMatchingSeveralEntriesGivesNothing() {
        var cut = ldap(directory.url());
        cut.userFilter = "(|(uid={0})(objectClass=inetOrgPerson))";

        assertEquals(Optional.empty(), cut.authenticate("alice", LdapTestDirectory.passwordOf("alice")));
    }

    @Test
    void aRefusedServiceAccountIsAnErrorNotAWrongPassword() {
        var cut = ldap(directory.url());
        cut.bindPassword = Optional.of("not-the-service-password");

        var failure = assertThrows(
                DirectoryUnavailableException.class,
                () -> cut.authenticate("alice", LdapTestDirectory.passwordOf("alice")));
        assertTrue(failure.getMessage().startsWith("LDAP directory " + directory.url()), failure.getMessage());
        assertFalse(failure.getMessage().contains("not-the-service-password"), failure.getMessage());
    }

    @Test
    void anAnonymousSearchThatTheDirectoryRefusesIsAnError() {
        var cut = ldap(directory.url());
        cut.bindDn = Optional.empty();
        cut.bindPassword = Optional.empty();

        assertThrows(
                DirectoryUnavailableException.class,
                () -> cut.authenticate("alice", LdapTestDirectory.passwordOf("alice")));
    }

    @Test
    void anUnreachableDirectoryIsAnError() {
        var cut = ldap("ldap://127.0.0.1:" + FreePorts.next());

        var failure = assertThrows(DirectoryUnavailableException.class, () -> cut.authenticate("alice", "secret"));
        assertTrue(failure.getMessage().contains("CommunicationException"), failure.getMessage());
    }

    @Test
    void anUntrustedCertificateStopsStartTlsBeforeAnyBind(@TempDir Path folder) {
        // This JVM trusts only the JDK's own authorities, not the test certificate.
        var certificate = LdapTestCertificate.generate(folder);
        try (var tls = LdapTestDirectory.withStartTls(certificate.serverSocketFactory())) {
            var cut = ldap(tls.url());
            cut.startTls = true;

            var failure = assertThrows(
                    DirectoryUnavailableException.class,
                    () -> cut.authenticate("alice", LdapTestDirectory.passwordOf("alice")));
            assertTrue(failure.getMessage().contains("StartTLS failed"), failure.getMessage());
            assertEquals(0, tls.plaintextBinds() + tls.protectedBinds());
        }
    }

    @Test
    void aMalformedUrlIsReportedAtFirstUse() {
        var cut = ldap("ldap//127.0.0.1");

        assertTrue(cut.enabled());
        var failure = assertThrows(IllegalStateException.class, () -> cut.authenticate("alice", "secret"));
        assertTrue(failure.getMessage().startsWith("headend.ldap.url: 'ldap//127.0.0.1'"), failure.getMessage());
    }

    @Test
    void withoutUrlTheDirectoryIsOff() {
        var cut = ldap(" ");

        assertFalse(cut.enabled());
        assertEquals(Optional.empty(), cut.authenticate("alice", LdapTestDirectory.passwordOf("alice")));
    }

    private static LdapDirectory ldap(String url) {
        var ldap = new LdapDirectory();
        ldap.url = Optional.of(url);
        ldap.startTls = false;
        ldap.bindDn = Optional.of(LdapTestDirectory.SERVICE_DN);
        ldap.bindPassword = Optional.of(LdapTestDirectory.SERVICE_PASSWORD);
        ldap.userBaseDn = Optional.of(LdapTestDirectory.PEOPLE);
        ldap.userFilter = "(uid={0})";
        ldap.groupBaseDn = Optional.of(LdapTestDirectory.GROUPS);
        ldap.groupFilter = "(member={0})";
        ldap.usernameAttribute = "uid";
        return ldap;
    }
}
