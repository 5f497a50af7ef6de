package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.Browser;
import org.headend.testing.HeadendProcess;
import org.headend.testing.LdapTestCertificate;
import org.headend.testing.LdapTestDirectory;
import org.headend.testing.Names;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Sign-in through a real LDAP directory (in-memory, in this JVM): directory groups become roles
 * through the role map, users without a mapped group are told so, what a user types cannot
 * rewrite the directory search, and a name typed in another case is the directory's one person.
 * Few wrong passwords here: ten from one address lock it out.
 */
class LdapSignInIT {

    private static LdapTestDirectory directory;
    private static HeadendProcess app;

    @BeforeAll
    static void start() {
        directory = LdapTestDirectory.plain();
        app = HeadendProcess.inTempHome(settings(directory.url(), Map.of("HEADEND_CONSOLE_IDLE_TIMEOUT", "PT3S")))
                .start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
        if (directory != null) {
            directory.close();
        }
    }

    @Test
    void aMemberOfAnAdminGroupSignsInAsAdmin() {
        var reply = signIn(app, "alice", LdapTestDirectory.passwordOf("alice"));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(List.of("admin"), groupsIn(reply));
        assertEquals(200, as(app, reply).get("/api/v1/users").status());
    }

    @Test
    void inTheConsoleAnOperatorGetsOperatorPagesAnUnmappedUserIsToldWhyAndIdleSessionsEnd() {
        try (Browser browser = new Browser(app.baseUrl())) {
            browser.signIn("BOB", LdapTestDirectory.passwordOf("bob"));
            browser.waitFor(d -> browser.currentPath().equals("/"));
            String signedInAs = browser.text(By.id("signed-in-as"));
            assertTrue(signedInAs.contains("operator"), signedInAs);
            assertTrue(signedInAs.contains("bob"), "the directory's name, not the one typed: " + signedInAs);
            browser.open("/users");
            assertEquals("Not allowed", browser.text(By.id("error-title")));

            Instant idleFrom = Instant.now();
            Await.until("the idle timeout (3 s) to pass", Duration.ofSeconds(10), () -> Instant.now()
                    .isAfter(idleFrom.plusSeconds(4)));
            browser.open("/streams");
            assertTrue(browser.currentPath().startsWith("/login"), "an idle session ends: " + browser.currentPath());

            browser.signIn("carol", LdapTestDirectory.passwordOf("carol"));
            browser.waitFor(d -> browser.currentPath().equals("/no-access"));
            assertTrue(browser.text(By.id("no-access-reason")).contains("none of your groups"));
            browser.open("/");
            assertTrue(browser.currentPath().startsWith("/login"), "an unmapped user is signed in to nothing");

            browser.signIn("alice", LdapTestDirectory.passwordOf("bob"));
            assertTrue(browser.text(By.id("signin:messages")).contains("Invalid username or password"));
        }
    }

    @Test
    void aNameTypedInAnotherCaseSignsInAsTheDirectorysNameEverywhere() {
        Instant before = Instant.now();

        var reply = signIn(app, "ALICE", LdapTestDirectory.passwordOf("alice"));

        assertEquals(200, reply.status(), reply.body());
        assertEquals("alice", claimsOf(reply).getString("upn"));
        var admin = app.admin();
        List<JsonObject> trail = admin.get("/api/v1/audit?user=alice&from=" + before)
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertEquals(
                1,
                trail.stream()
                        .filter(e -> e.getString("action").equals("auth.token")
                                && e.getString("objectId").equals("alice"))
                        .count(),
                trail.toString());
        assertEquals(0, admin.get("/api/v1/audit?user=ALICE").json().getInt("total"), "nothing is recorded as 'ALICE'");
    }

    @Test
    void aTokenMadeAfterSigningInAsAliceBelongsToAlice() {
        String name = Names.unique("script");
        Api typedAlice = as(app, signIn(app, " Alice", LdapTestDirectory.passwordOf("alice")));
        var made = typedAlice.post(
                "/api/v1/tokens", Json.createObjectBuilder().add("name", name).build());
        assertEquals(201, made.status(), made.body());
        assertEquals("alice", made.json().getString("owner"));

        Api alice = as(app, signIn(app, "alice", LdapTestDirectory.passwordOf("alice")));

        assertTrue(alice.get("/api/v1/tokens").body().contains("\"name\":\"" + name + "\""), "listed for alice");
        assertTrue(app.admin().get("/api/v1/tokens?owner=alice").body().contains(name), "listed for alice to admins");
    }

    @Test
    void aMemberOfAnOperatorGroupSignsInAsOperator() {
        var reply = signIn(app, "bob", LdapTestDirectory.passwordOf("bob"));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(List.of("operator"), groupsIn(reply));
        assertEquals(200, as(app, reply).get("/api/v1/streams").status());
        assertEquals(403, as(app, reply).get("/api/v1/users").status());
    }

    @Test
    void filterCharactersInAUsernameMatchOnlyThemselves() {
        String uid = "fay(tv), desk";

        var reply = signIn(app, uid, LdapTestDirectory.passwordOf(uid));

        assertEquals(200, reply.status(), reply.body());
        assertEquals(List.of("operator"), groupsIn(reply));
    }

    @Test
    void rightPasswordWithoutAMappedGroupIsForbiddenSayingWhy() {
        for (String uid : List.of("carol", "dave")) {
            var reply = signIn(app, uid, LdapTestDirectory.passwordOf(uid));

            assertEquals(403, reply.status(), uid + ": " + reply.body());
            assertTrue(reply.isProblem(), reply.contentType());
            assertTrue(reply.json().getString("detail").contains("none of its groups is mapped"), reply.body());
        }
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        var reply = signIn(app, "alice", LdapTestDirectory.passwordOf("bob"));

        assertEquals(401, reply.status(), reply.body());
        assertTrue(reply.isProblem(), reply.contentType());
    }

    @Test
    void aUsernameCannotWidenTheDirectorySearch() {
        // Unescaped, each of these would match alice (or everybody) and sign in with alice's password.
        for (String username : List.of("al*", "*", "alice)(uid=*")) {
            var reply = signIn(app, username, LdapTestDirectory.passwordOf("alice"));

            assertEquals(401, reply.status(), username + ": " + reply.body());
        }
    }

    @Test
    void theLocalAdminStillSignsIn() {
        assertEquals(200, app.admin().get("/api/v1/users").status());
    }

    /** Every bind over StartTLS: the app must trust the directory's certificate (a trust store of its own). */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OverStartTls {

        private LdapTestDirectory tlsDirectory;
        private HeadendProcess tlsApp;

        @BeforeAll
        void start(@TempDir Path folder) {
            var certificate = LdapTestCertificate.generate(folder);
            tlsDirectory = LdapTestDirectory.withStartTls(certificate.serverSocketFactory());
            tlsApp = HeadendProcess.inTempHome(settings(
                            tlsDirectory.url(),
                            Map.of(
                                    "HEADEND_LDAP_START_TLS",
                                    "true",
                                    "JAVA_TOOL_OPTIONS",
                                    "-Djavax.net.ssl.trustStore=" + certificate.trustStore()
                                            + " -Djavax.net.ssl.trustStorePassword="
                                            + LdapTestCertificate.STORE_PASSWORD
                                            + " -Djavax.net.ssl.trustStoreType=PKCS12")))
                    .start();
        }

        @AfterAll
        void stop() {
            if (tlsApp != null) {
                tlsApp.stop();
            }
            if (tlsDirectory != null) {
                tlsDirectory.close();
            }
        }

        @Test
        void signInBindsOnlyOverTls() {
            var admin = signIn(tlsApp, "alice", LdapTestDirectory.passwordOf("alice"));
            var unmapped = signIn(tlsApp, "carol", LdapTestDirectory.passwordOf("carol"));

            assertEquals(200, admin.status(), admin.body());
            assertEquals(List.of("admin"), groupsIn(admin));
            assertEquals(403, unmapped.status(), unmapped.body());
            assertEquals(0, tlsDirectory.plaintextBinds(), "binds without StartTLS");
            // Per sign-in: the service account, then the user.
            assertEquals(4, tlsDirectory.protectedBinds(), "binds over StartTLS");
        }
    }

    private static Map<String, String> settings(String url, Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "HEADEND_LDAP_URL", url,
                "HEADEND_LDAP_BIND_DN", LdapTestDirectory.SERVICE_DN,
                "HEADEND_LDAP_BIND_PASSWORD", LdapTestDirectory.SERVICE_PASSWORD,
                "HEADEND_LDAP_USER_BASE_DN", LdapTestDirectory.PEOPLE,
                "HEADEND_LDAP_GROUP_BASE_DN", LdapTestDirectory.GROUPS,
                "HEADEND_AUTH_ROLE_MAP", "video-admins=admin,video-ops=operator"));
        env.putAll(more);
        return env;
    }

    private static Api.Reply signIn(HeadendProcess target, String username, String password) {
        return target.api()
                .post(
                        "/api/v1/auth/token",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("password", password)
                                .build());
    }

    private static Api as(HeadendProcess target, Api.Reply token) {
        return target.api().as(token.json().getString("access_token"));
    }

    private static List<String> groupsIn(Api.Reply token) {
        return claimsOf(token).getJsonArray("groups").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static JsonObject claimsOf(Api.Reply token) {
        String jwt = token.json().getString("access_token");
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        try (var reader = Json.createReader(new StringReader(payload))) {
            return reader.readObject();
        }
    }
}
