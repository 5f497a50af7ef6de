package org.headend.webhook.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes one delivery attempt: POSTs the body with its event type, delivery id, timestamp and
 * signature, and reports the receiver's status or, in plain words, why there was none.
 */
@ApplicationScoped
public class WebhookSender {

    @Inject
    @ConfigProperty(name = "headend.webhook.timeout", defaultValue = "PT5S")
    Duration timeout;

    private volatile HttpClient client;

    /** The receiver's HTTP status, or null and the reason it could not be had. */
    public record Outcome(Integer status, String error) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    public Outcome send(WebhookStore.Due delivery) {
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Headend-Webhooks")
                .header("X-Headend-Event", delivery.eventType())
                .header("X-Headend-Delivery", delivery.id())
                .header("X-Headend-Timestamp", Long.toString(Instant.now().getEpochSecond()))
                .header("X-Headend-Signature", Signature.of(delivery.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = client().send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Outcome(status, status / 100 == 2 ? null : "The receiver answered HTTP " + status + ".");
        } catch (HttpConnectTimeoutException e) {
            return new Outcome(null, "No connection within " + timeout.toSeconds() + " s.");
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "No answer within " + timeout.toSeconds() + " s.");
        } catch (IOException e) {
            return new Outcome(null, "Cannot reach the receiver: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "Interrupted while sending (the application is stopping).");
        }
    }

    private static String describe(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
            }
        }
        return client;
    }
}
