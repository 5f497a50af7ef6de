package org.headend.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jose4j.jwt.JwtClaims;

/**
 * The relying party of the OIDC authorization code flow, written on jose4j rather than on Jakarta
 * Security's OIDC mechanism: the app has one authentication mechanism for the API and the console,
 * and OIDC is switched on by configuration at run time. The provider's endpoints come from its
 * discovery document, fetched once and kept; a failed fetch is tried again on the next sign-in.
 * Codes, tokens and the client secret are never logged.
 */
@ApplicationScoped
public class OidcClient {

    private static final Logger LOG = Logger.getLogger(OidcClient.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    OidcSettings settings;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private volatile Discovered discovered;

    private record Discovered(OidcProvider provider, IdTokenVerifier verifier) {}

    /** Where to send the browser: the provider's authorization endpoint with this attempt's parameters. */
    public URI authorizationUrl(OidcAttempt attempt) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("response_type", "code");
        parameters.put("client_id", settings.clientId());
        parameters.put("redirect_uri", attempt.redirectUri());
        parameters.put("scope", settings.scope());
        parameters.put("state", attempt.state());
        parameters.put("nonce", attempt.nonce());
        parameters.put("code_challenge", Pkce.challenge(attempt.verifier()));
        parameters.put("code_challenge_method", "S256");
        String endpoint = discovered().provider().authorizationEndpoint().toString();
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + form(parameters));
    }

    /** Exchanges the code at the token endpoint and verifies the ID token it gives. */
    public OidcIdentity signIn(String code, OidcAttempt attempt) {
        Discovered provider = discovered();
        String idToken = exchange(provider.provider(), code, attempt);
        JwtClaims claims = provider.verifier().verify(idToken, attempt.nonce());
        return OidcIdentity.of(claims, settings.groupsClaim());
    }

    private Discovered discovered() {
        Discovered known = discovered;
        if (known == null) {
            synchronized (this) {
                if (discovered == null) {
                    discovered = discover();
                }
                known = discovered;
            }
        }
        return known;
    }

    private Discovered discover() {
        String issuer = settings.issuer();
        var request = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            LOG.warning("OIDC discovery at " + request.uri() + " answered " + response.statusCode());
            throw OidcException.unavailable("The sign-in provider's discovery document is not available.", null);
        }
        var provider = OidcProvider.from(json(response.body()), issuer);
        LOG.info("OIDC provider discovered: " + provider.issuer());
        return new Discovered(provider, new IdTokenVerifier(provider, settings.clientId()));
    }

    private String exchange(OidcProvider provider, String code, OidcAttempt attempt) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("grant_type", "authorization_code");
        parameters.put("code", code);
        parameters.put("redirect_uri", attempt.redirectUri());
        parameters.put("code_verifier", attempt.verifier());
        var request = HttpRequest.newBuilder(provider.tokenEndpoint())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", basic(settings.clientId(), settings.clientSecret()))
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)))
                .build();
        HttpResponse<String> response = send(request);
        JsonObject answer = json(response.body());
        if (response.statusCode() != 200) {
            String error = printable(answer.getString("error", "no error code"));
            LOG.warning("OIDC token endpoint answered " + response.statusCode() + " (" + error + ")");
            throw OidcException.refused("The sign-in provider refused the sign-in (" + error + ").");
        }
        String idToken = answer.getString("id_token", null);
        if (idToken == null) {
            throw OidcException.refused("The sign-in provider answered without an ID token.");
        }
        return idToken;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            LOG.warning("OIDC provider unreachable at " + request.uri() + ": " + e);
            throw OidcException.unavailable("The sign-in provider cannot be reached; try again later.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OidcException.unavailable("The sign-in was interrupted.", e);
        }
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException notJson) {
            throw OidcException.refused("The sign-in provider answered something that is not a JSON object.");
        }
    }

    /** client_secret_basic: both parts form-encoded first (RFC 6749, 2.3.1). */
    static String basic(String clientId, String secret) {
        String pair = encode(clientId) + ":" + encode(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        // %20 rather than '+': some providers read query strings strictly by RFC 3986.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A provider's error code, as a short token fit for a log line and a page. */
    public static String printable(String code) {
        String clean = code.replaceAll("[^A-Za-z0-9_.-]", "");
        return clean.isEmpty() ? "no error code" : clean.substring(0, Math.min(clean.length(), 64));
    }
}
