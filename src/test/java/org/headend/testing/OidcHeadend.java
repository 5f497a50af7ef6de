package org.headend.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A Headend with OIDC sign-in against a real provider (mock-oauth2-server, its own process),
 * started once for all the OIDC tests of a run and stopped, provider included, when the run ends.
 * The provider picks the user by the callback URL of the token request, that is by the address
 * the console is reached at: 127.0.0.1 signs in olivia (group video-ops: operator), 127.0.0.2
 * nora (group marketing, mapped to nothing), 127.0.0.3 mallory with an ID token made for another
 * client, 127.0.0.4 a user named like the local account "admin".
 */
public class OidcHeadend implements ParameterResolver {

    public static final String CLIENT_ID = "headend-it";
    public static final String CLIENT_SECRET = "it-oidc-client-Secret-1";
    public static final String ISSUER_ID = "corp";
    private static final String PROVIDER_CONFIG =
            """
            {
              "interactiveLogin": false,
              "tokenCallbacks": [{
                "issuerId": "corp",
                "tokenExpiry": 300,
                "requestMappings": [
                  {"requestParam": "redirect_uri", "match": "http://127\\\\.0\\\\.0\\\\.1:.*",
                   "claims": {"sub": "u-olivia", "aud": ["headend-it"], "preferred_username": "olivia",
                              "email": "olivia@example.com", "groups": ["video-ops", "all-staff"]}},
                  {"requestParam": "redirect_uri", "match": "http://127\\\\.0\\\\.0\\\\.2:.*",
                   "claims": {"sub": "u-nora", "aud": ["headend-it"], "preferred_username": "nora",
                              "groups": ["marketing"]}},
                  {"requestParam": "redirect_uri", "match": "http://127\\\\.0\\\\.0\\\\.3:.*",
                   "claims": {"sub": "u-mallory", "aud": ["another-app"], "preferred_username": "mallory",
                              "groups": ["video-admins"]}},
                  {"requestParam": "redirect_uri", "match": "http://127\\\\.0\\\\.0\\\\.4:.*",
                   "claims": {"sub": "u-admin", "aud": ["headend-it"], "preferred_username": "admin",
                              "groups": ["video-admins"]}}
                ]
              }]
            }
            """;

    /** The app and its provider, for a test to talk to. */
    public record Running(HeadendProcess app, MockOidcProvider provider)
            implements ExtensionContext.Store.CloseableResource {

        static Running start() {
            var provider = MockOidcProvider.start(PROVIDER_CONFIG);
            try {
                var app = HeadendProcess.inTempHome(Map.of(
                                "HEADEND_OIDC_ISSUER",
                                provider.issuer(ISSUER_ID),
                                "HEADEND_OIDC_CLIENT_ID",
                                CLIENT_ID,
                                "HEADEND_OIDC_CLIENT_SECRET",
                                CLIENT_SECRET,
                                "HEADEND_OIDC_DISPLAY_NAME",
                                "Corp ID",
                                "HEADEND_AUTH_ROLE_MAP",
                                "video-admins=admin,video-ops=operator"))
                        .start();
                return new Running(app, provider);
            } catch (RuntimeException | AssertionError failed) {
                provider.close();
                throw failed;
            }
        }

        /** olivia's whole code flow, as a client follows it; the client is signed in afterwards. */
        public void signInAsOlivia(FormClient client) {
            var landed = codeFlow(client, app.baseUrl());
            if (landed.status() != 302 || !landed.location().getPath().equals("/")) {
                throw new AssertionError("olivia's sign-in did not land on the console: " + landed);
            }
        }

        /** Start, provider, callback, from the console at {@code base}: the callback's answer. */
        public FormClient.Page codeFlow(FormClient client, String base) {
            var start = client.get(base + "/auth/oidc/start");
            var answer = client.get(start.location().toString());
            return client.get(answer.location().toString());
        }

        @Override
        public void close() {
            try {
                app.stop();
            } finally {
                provider.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Running.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("oidc-headend", k -> Running.start(), Running.class);
    }

    /** The decoded query parameters of a URL (the first of each name). */
    public static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> pair[0],
                        pair -> URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8),
                        (first, second) -> first));
    }
}
