package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.headend.testing.ApiUsers;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Ten failed sign-ins within a minute lock the username, or the address, out. Each test signs in
 * from an address of its own in 127.0.0.0/8, so the lockout never reaches the other tests.
 */
@ExtendWith(SharedHeadend.class)
class SignInLockoutIT {

    @Test
    void tenFailuresForOneUserLockItOutEvenWithTheRightPassword(HeadendProcess app) throws IOException {
        String user = Names.unique("victim");
        for (int i = 0; i < 10; i++) {
            assertEquals(401, signIn(app, "127.0.0.21", user, "wrong-" + i).status());
        }
        Reply locked = signIn(app, "127.0.0.22", user, "wrong-again");
        assertEquals(429, locked.status());
        assertTrue(locked.raw().contains("Retry-After:"), locked.raw());
        assertTrue(locked.raw().contains("application/problem+json"), locked.raw());
    }

    @Test
    void failuresSplitBetweenSpellingsOfOneNameLockThatAccount(HeadendProcess app) throws IOException {
        String typed = Names.unique("Split-Victim");
        String stored = typed.toLowerCase(Locale.ROOT);
        var made = app.admin()
                .post(
                        "/api/v1/users",
                        Json.createObjectBuilder()
                                .add("username", typed)
                                .add("password", ApiUsers.PASSWORD)
                                .add("role", "viewer")
                                .build());
        assertEquals(201, made.status(), made.body());
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    401,
                    signIn(app, "127.0.0.26", typed.toUpperCase(Locale.ROOT), "wrong-" + i)
                            .status());
            assertEquals(401, signIn(app, "127.0.0.26", stored, "wrong-" + i).status());
        }

        Reply locked = signIn(app, "127.0.0.27", " " + typed, ApiUsers.PASSWORD);

        assertEquals(429, locked.status(), "locked even with the right password: " + locked.raw());
        assertEquals(
                0,
                app.admin()
                        .get("/api/v1/audit?user=" + typed.toUpperCase(Locale.ROOT))
                        .json()
                        .getInt("total"),
                "refusals are recorded under the account's name");
        assertTrue(app.admin().get("/api/v1/audit?user=" + stored).body().contains("auth.sign-in.locked"));
    }

    @Test
    void tenFailuresFromOneAddressLockItOutForEveryUser(HeadendProcess app) throws IOException {
        for (int i = 0; i < 10; i++) {
            assertEquals(
                    401,
                    signIn(app, "127.0.0.23", Names.unique("spray"), "wrong").status());
        }
        assertEquals(
                429,
                signIn(app, "127.0.0.23", "admin", HeadendProcess.ADMIN_PASSWORD)
                        .status());
        assertEquals(
                200,
                signIn(app, "127.0.0.24", "admin", HeadendProcess.ADMIN_PASSWORD)
                        .status(),
                "another address is not affected");
    }

    @Test
    void theConsoleSignInPageSaysWhenAUserIsLockedOut(HeadendProcess app) throws IOException {
        String user = Names.unique("console-victim");
        for (int i = 0; i < 10; i++) {
            assertEquals(401, signIn(app, "127.0.0.25", user, "wrong-" + i).status());
        }
        try (Browser browser = new Browser(app.baseUrl())) {
            browser.signIn(user, "wrong-again");
            String message = browser.text(By.id("signin:messages"));
            assertTrue(message.contains("Too many failed sign-ins"), message);
            assertEquals("/login", browser.currentPath().replaceAll("\\?.*", ""));
        }
    }

    record Reply(int status, String raw) {}

    /** POST /api/v1/auth/token from a chosen loopback address (java.net.http cannot bind one). */
    private static Reply signIn(HeadendProcess app, String from, String user, String password) throws IOException {
        URI base = URI.create(app.baseUrl());
        String body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/auth/token HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                            + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: "
                            + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Reply(Integer.parseInt(raw.substring(9, 12)), raw);
        }
    }
}
