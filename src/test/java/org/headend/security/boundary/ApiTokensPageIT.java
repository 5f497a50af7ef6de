package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.headend.testing.FormClient;
import org.headend.testing.HeadendProcess;
import org.headend.testing.OidcHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's API tokens page, as a user who signed in through OIDC (and has no password here)
 * uses it to reach the API: make a token, see its secret once, call the API, revoke it.
 */
@ExtendWith(OidcHeadend.class)
class ApiTokensPageIT {

    @Test
    void anOidcUserMakesAnApiTokenOnTheConsoleAndCallsTheApiWithIt(OidcHeadend.Running oidc) {
        HeadendProcess app = oidc.app();
        var client = new FormClient();
        String base = app.baseUrl();
        oidc.signInAsOlivia(client);

        var page = client.get(base + "/tokens");
        assertEquals(200, page.status(), page.body());
        var created = client.postForm(
                base + page.find("<form id=\"create\"[^>]*action=\"([^\"]+)\""),
                Map.of(
                        "create",
                        "create",
                        "create:name",
                        "reports",
                        "create:days",
                        "30",
                        "create:create-button",
                        "",
                        FormClient.VIEW_STATE,
                        page.field(FormClient.VIEW_STATE)));
        assertEquals(200, created.status(), created.body());
        String secret = created.find("id=\"token-secret\"[^>]*value=\"(hpat_[A-Za-z0-9_-]{32})\"");

        var token = app.api().as(secret);
        var mine = token.get("/api/v1/tokens");
        assertEquals(200, mine.status(), mine.body());
        assertTrue(
                mine.body().contains("\"owner\":\"olivia\"") && mine.body().contains("\"role\":\"operator\""),
                mine.body());
        assertEquals(200, token.get("/api/v1/streams").status());
        assertEquals(403, token.get("/api/v1/users").status());

        var revoked = client.postForm(
                base + created.find("<form id=\"list\"[^>]*action=\"([^\"]+)\""),
                Map.of(
                        "list",
                        "list",
                        "list:tokens:0:revoke",
                        "",
                        FormClient.VIEW_STATE,
                        created.field(FormClient.VIEW_STATE)));
        assertEquals(200, revoked.status(), revoked.body());
        assertTrue(revoked.body().contains("Token revoked"), revoked.body());
        assertFalse(revoked.body().contains(secret), "the secret is shown once");
        assertEquals(401, token.get("/api/v1/streams").status());
    }
}
