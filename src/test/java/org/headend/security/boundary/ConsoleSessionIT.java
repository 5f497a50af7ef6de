package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's session at the HTTP level: the cookie's flags, fixation, CSRF refusals that change
 * nothing, the API ignoring the cookie, and sign-out.
 */
@ExtendWith(SharedHeadend.class)
class ConsoleSessionIT {

    private static final Pattern VIEW_STATE = Pattern.compile("ViewState:0\" value=\"([^\"]+)\"");

    private HeadendProcess app;
    private HttpClient http;

    @BeforeEach
    void client(HeadendProcess app) {
        this.app = app;
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .build();
    }

    @Test
    void theSessionCookieIsHttpOnlyAndLaxAndChangesAtSignIn() throws Exception {
        HttpResponse<String> login = get("/login");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
        String before = cookie.substring(0, cookie.indexOf(';'));

        HttpResponse<String> signedIn = signIn(login.body());
        assertEquals(302, signedIn.statusCode());
        String after = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertFalse(after.startsWith(before), "a new session id after sign-in (no fixation)");
        assertEquals(200, get("/").statusCode());
    }

    @Test
    void crossSiteAndForgedPostsAreRefusedAndChangeNothing() throws Exception {
        signIn(get("/login").body());
        HttpResponse<String> page = get("/streams");
        String name = Names.unique("csrf");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("streams", "streams");
        form.put("streams:new-name", name);
        form.put("streams:new-ladder", "default");
        form.put("streams:create", "streams:create");
        form.put("jakarta.faces.ViewState", viewState(page.body()));

        assertEquals(403, post("/streams", form, "http://evil.example").statusCode());
        form.put("jakarta.faces.ViewState", "-1:-1");
        post("/streams", form, app.baseUrl());
        form.remove("jakarta.faces.ViewState");
        post("/streams", form, app.baseUrl());

        assertFalse(app.admin().get("/api/v1/streams?size=200").body().contains(name), "no stream was created");
    }

    @Test
    void theApiIgnoresTheConsoleCookieAndSignOutEndsTheSession() throws Exception {
        signIn(get("/login").body());
        assertEquals(200, get("/").statusCode());
        assertEquals(401, get("/api/v1/streams").statusCode(), "the API wants a bearer token");

        HttpResponse<String> home = get("/");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signout", "signout");
        form.put("signout:signout-button", "Sign out");
        form.put("jakarta.faces.ViewState", viewState(home.body()));
        assertEquals(302, post("/", form, app.baseUrl()).statusCode());
        HttpResponse<String> after = get("/");
        assertEquals(302, after.statusCode());
        assertTrue(after.headers().firstValue("Location").orElseThrow().contains("/login"));
    }

    private HttpResponse<String> signIn(String loginPage) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signin", "signin");
        form.put("signin:username", "admin");
        form.put("signin:password", HeadendProcess.ADMIN_PASSWORD);
        form.put("signin:submit", "");
        form.put("jakarta.faces.ViewState", viewState(loginPage));
        return post("/login", form, app.baseUrl());
    }

    private static String viewState(String page) {
        Matcher m = VIEW_STATE.matcher(page);
        assertTrue(m.find(), "the page has a view state");
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form, String origin)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", origin)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
