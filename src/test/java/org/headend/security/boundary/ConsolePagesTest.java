package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsolePagesTest {

    @Test
    void aPageIsTheSameWithOrWithoutItsExtension() {
        assertEquals("/index", ConsolePages.page("/"));
        assertEquals("/streams", ConsolePages.page("/streams.xhtml"));
        assertEquals("/streams", ConsolePages.page("/streams"));
    }

    @Test
    void usersAndAuditAreForAdminsAndEditingForStaff() {
        assertEquals(Optional.of(Set.of("admin")), ConsolePages.rolesFor("/users"));
        assertEquals(Optional.of(Set.of("admin")), ConsolePages.rolesFor("/webhooks"));
        assertEquals(Optional.of(Set.of("admin")), ConsolePages.rolesFor("/workers"));
        assertEquals(Optional.of(Set.of("admin")), ConsolePages.rolesFor(ConsolePages.page("/audit.xhtml")));
        assertEquals(Optional.of(Set.of("admin", "operator")), ConsolePages.rolesFor("/ladder"));
        assertEquals(Optional.empty(), ConsolePages.rolesFor("/streams"));
    }

    @Test
    void monitoringAndTheApiAreNotGuardedAsConsolePages() {
        for (String path : new String[] {"/api/v1/streams", "/health/ready", "/metrics", "/openapi"}) {
            assertTrue(ConsolePages.isOutsideTheConsole(path), path);
        }
        assertFalse(ConsolePages.isOutsideTheConsole("/healthy-streams"));
        assertFalse(ConsolePages.isOutsideTheConsole("/streams"));
    }

    @Test
    void afterSignInOnlyPathsInsideTheConsoleAreFollowed() {
        assertEquals("/streams?x=1", SignInView.safeNext("/streams?x=1"));
        assertEquals("/", SignInView.safeNext("https://evil.example/"));
        assertEquals("/", SignInView.safeNext("//evil.example/"));
        assertEquals("/", SignInView.safeNext("/\\evil.example"));
        assertEquals("/", SignInView.safeNext(null));
    }
}
