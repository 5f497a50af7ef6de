package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsolePagesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/health",
                "/health/ready",
                "/metrics",
                "/openapi",
                "/jakarta.faces.resource/headend/console.css.xhtml",
                "/favicon.ico"
            })
    void probesScrapersAndResourcesAreNotGuardedPages(String path) {
        assertTrue(ConsolePages.isNotAPage(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/tokens", "/users", "/healthy", "/metrics-board", "/auth/oidc/start"})
    void consolePagesAreGuarded(String path) {
        assertFalse(ConsolePages.isNotAPage(path), path);
    }
}
