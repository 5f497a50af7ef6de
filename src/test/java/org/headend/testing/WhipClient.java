package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A WHIP client as an encoder is one (OBS sends one POST with its offer, no trickle, and DELETE
 * when it stops): raw HTTP, so tests see every status and header the endpoint answers.
 */
public final class WhipClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;

    public WhipClient(String base) {
        this.base = base;
    }

    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public List<String> all(String name) {
            return headers.allValues(name);
        }
    }

    /** POST /whip with a body of the given type and, unless null, the Bearer. */
    public Reply publish(String bearer, String contentType, String body) {
        var request = HttpRequest.newBuilder(URI.create(base + "/whip"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(withBearer(request, bearer));
    }

    public Reply patch(String location, String bearer, String ifMatch, String fragment) {
        var request = HttpRequest.newBuilder(URI.create(base + location))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/trickle-ice-sdpfrag")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(fragment));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(withBearer(request, bearer));
    }

    public Reply delete(String location, String bearer) {
        return send(withBearer(
                HttpRequest.newBuilder(URI.create(base + location))
                        .timeout(Duration.ofSeconds(10))
                        .DELETE(),
                bearer));
    }

    public Reply options(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .header("Origin", "https://studio.example.com")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpRequest.Builder withBearer(HttpRequest.Builder request, String bearer) {
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
