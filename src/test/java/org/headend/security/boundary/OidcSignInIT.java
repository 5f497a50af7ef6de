package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.stream.Collectors;
import org.headend.testing.FormClient;
import org.headend.testing.HeadendProcess;
import org.headend.testing.OidcHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Console sign-in through a real OIDC provider, driven hop by hop as a client would: start,
 * provider, callback. See {@link OidcHeadend} for who the provider signs in.
 */
@ExtendWith(OidcHeadend.class)
class OidcSignInIT {

    @Test
    void aMemberOfAMappedGroupIsSignedInToTheConsoleWithItsRole(OidcHeadend.Running oidc) {
        HeadendProcess app = oidc.app();
        var client = new FormClient();
        String base = app.baseUrl();

        var start = client.get(base + "/auth/oidc/start?next=/ladders");
        assertEquals(302, start.status());
        var asked = OidcHeadend.query(start.location());
        assertTrue(
                start.location().toString().startsWith(oidc.provider().issuer(OidcHeadend.ISSUER_ID)),
                start.location().toString());
        assertEquals("code", asked.get("response_type"));
        assertEquals(OidcHeadend.CLIENT_ID, asked.get("client_id"));
        assertEquals(base + "/auth/oidc/callback", asked.get("redirect_uri"));
        assertEquals("S256", asked.get("code_challenge_method"));
        assertTrue(asked.get("scope").contains("openid"), asked.get("scope"));
        assertNotNull(asked.get("state"));
        assertNotNull(asked.get("nonce"));

        var answer = client.get(start.location().toString());
        assertEquals(302, answer.status(), answer.body());
        String code = OidcHeadend.query(answer.location()).get("code");
        var landed = client.get(answer.location().toString());

        assertEquals(302, landed.status(), landed.body());
        assertEquals(URI.create(base + "/ladders"), landed.location());
        var dashboard = client.get(base + "/");
        assertEquals(200, dashboard.status());
        assertTrue(dashboard.body().matches("(?s).*id=\"signed-in-as\">olivia\\s*\\(operator\\).*"), dashboard.body());
        assertEquals(403, client.get(base + "/users").status(), "an operator on an admin page");
        assertEquals(401, client.get(base + "/api/v1/streams").status(), "the API takes no console session");
        String trail = app.admin().get("/api/v1/audit?user=olivia").body();
        assertTrue(trail.contains("auth.sign-in") && trail.contains("source=oidc"), trail);
        assertNothingSecretLogged(app, code);
    }

    @Test
    void aUserWithoutAMappedGroupLandsOnNoAccessSignedInToNothing(OidcHeadend.Running oidc) {
        HeadendProcess app = oidc.app();
        var client = new FormClient();
        String base = app.baseUrl().replace("127.0.0.1", "127.0.0.2");

        var landed = oidc.codeFlow(client, base);

        assertEquals(302, landed.status(), landed.body());
        assertEquals(URI.create(base + "/no-access"), landed.location());
        var noAccess = client.get(landed.location().toString());
        assertEquals(200, noAccess.status());
        assertTrue(noAccess.body().contains("none of your groups is mapped"), noAccess.body());
        var console = client.get(base + "/");
        assertEquals(302, console.status(), "not signed in");
        assertTrue(
                console.location().getPath().endsWith("/login"),
                console.location().toString());
        assertTrue(app.admin().get("/api/v1/audit?user=nora").body().contains("auth.sign-in.no-role"));
        assertTrue(signIns(app, "no-role") >= 1, () -> "the no-role sign-in is counted: " + signInSeries(app));
    }

    @Test
    void anIdTokenMadeForAnotherClientIsRefused(OidcHeadend.Running oidc) {
        var client = new FormClient();
        String base = oidc.app().baseUrl().replace("127.0.0.1", "127.0.0.3");

        var refused = oidc.codeFlow(client, base);

        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.body().contains("could not be verified (audience)"), refused.body());
        assertEquals(302, client.get(base + "/").status(), "not signed in");
    }

    @Test
    void theProviderCannotSignInAsALocalAccount(OidcHeadend.Running oidc) {
        var client = new FormClient();
        String base = oidc.app().baseUrl().replace("127.0.0.1", "127.0.0.4");

        var refused = oidc.codeFlow(client, base);

        assertEquals(403, refused.status(), refused.body());
        assertTrue(refused.body().contains("the name of a local Headend account"), refused.body());
        assertEquals(302, client.get(base + "/").status(), "not signed in");
    }

    @Test
    void aTamperedStateIsRefusedAndTheAttemptIsSpent(OidcHeadend.Running oidc) {
        HeadendProcess app = oidc.app();
        var client = new FormClient();
        var start = client.get(app.baseUrl() + "/auth/oidc/start");
        var answer = client.get(start.location().toString());
        String callback = answer.location().toString();
        String state = OidcHeadend.query(answer.location()).get("state");

        var tampered = client.get(callback.replace("state=" + state, "state=" + state + "x"));

        assertEquals(400, tampered.status());
        assertTrue(tampered.body().contains("does not belong to a sign-in started in this browser"), tampered.body());
        assertFalse(
                tampered.body().contains(OidcHeadend.query(answer.location()).get("code")), "the code is not echoed");
        assertEquals(400, client.get(callback).status(), "the real answer comes too late: the attempt is spent");
        assertEquals(302, client.get(app.baseUrl() + "/").status(), "not signed in");
    }

    @Test
    void theProvidersRefusalIsShownAndNothingIsSignedIn(OidcHeadend.Running oidc) {
        HeadendProcess app = oidc.app();
        var client = new FormClient();
        var start = client.get(app.baseUrl() + "/auth/oidc/start");
        String state = OidcHeadend.query(start.location()).get("state");

        var refused = client.get(app.baseUrl() + "/auth/oidc/callback?error=access_denied&state=" + state);

        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("did not sign you in (access_denied)"), refused.body());
        assertEquals(302, client.get(app.baseUrl() + "/").status(), "not signed in");
    }

    @Test
    void aCallbackWithoutAStartedSignInIsRefused(OidcHeadend.Running oidc) {
        HeadendProcess app = oidc.app();
        var refused = new FormClient().get(app.baseUrl() + "/auth/oidc/callback?code=stolen&state=guessed");

        assertEquals(400, refused.status());
        assertFalse(refused.body().contains("stolen"), refused.body());
    }

    @Test
    void theSignInPageOffersTheProvider(OidcHeadend.Running oidc) {
        HeadendProcess app = oidc.app();
        var login = new FormClient().get(app.baseUrl() + "/login?next=/streams");

        assertEquals(200, login.status());
        assertTrue(login.body().contains("Sign in with Corp ID"), login.body());
        assertTrue(login.body().contains("/auth/oidc/start?next=%2Fstreams"), login.body());
    }

    private static void assertNothingSecretLogged(HeadendProcess app, String code) {
        try {
            String log = Files.readString(app.log());
            assertFalse(log.contains(code), "an authorization code in the log");
            assertFalse(log.contains(OidcHeadend.CLIENT_SECRET), "the client secret in the log");
            assertFalse(log.contains("eyJ"), "a token in the log");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String signInSeries(HeadendProcess app) {
        return app.api()
                .get("/metrics")
                .body()
                .lines()
                .filter(line -> line.startsWith("headend_sign_ins"))
                .collect(Collectors.joining("\n"));
    }

    private static double signIns(HeadendProcess app, String result) {
        return app.api()
                .get("/metrics")
                .body()
                .lines()
                .filter(line ->
                        line.startsWith("headend_sign_ins_total{") && line.contains("result=\"" + result + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
