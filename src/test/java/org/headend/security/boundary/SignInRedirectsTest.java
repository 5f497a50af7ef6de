package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a sign-in sends the browser: never off the console, and back to the right callback. */
class SignInRedirectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/streams", "/streams?id=4&tab=log", "/ladder?name=default"})
    void aPathInsideTheConsoleIsKept(String next) {
        assertEquals(next, SignInView.safeNext(next));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "https://evil.example/",
                "//evil.example",
                "/\\evil.example",
                "\\\\evil.example",
                "/\t/evil.example",
                "/\n/evil.example",
                "javascript:alert(1)",
                "streams"
            })
    void anythingElseLandsOnTheDashboard(String next) {
        assertEquals("/", SignInView.safeNext(next));
    }

    @ParameterizedTest
    @CsvSource({
        "http, 127.0.0.1, 8080, '', http://127.0.0.1:8080/auth/oidc/callback",
        "http, tv.example.com, 80, '', http://tv.example.com/auth/oidc/callback",
        "https, tv.example.com, 443, /headend, https://tv.example.com/headend/auth/oidc/callback",
        "https, tv.example.com, 8443, '', https://tv.example.com:8443/auth/oidc/callback",
        "http, ::1, 8080, '', http://[::1]:8080/auth/oidc/callback",
        "http, [::1], 8080, '', http://[::1]:8080/auth/oidc/callback"
    })
    void theCallbackIsBuiltFromTheRequest(String scheme, String host, int port, String context, String expected) {
        assertEquals(expected, OidcStart.callbackUri(scheme, host, port, context));
    }
}
