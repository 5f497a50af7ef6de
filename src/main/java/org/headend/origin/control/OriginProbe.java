package org.headend.origin.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.transcode.control.PackagerTarget;

/**
 * Fetches origins' playlists: over HTTP with short timeouts, all of a round at once, so that one
 * slow origin never delays the verdict on the others; a master playlist is followed to its first
 * variant. A local packager's playlist is read from the target it writes to.
 */
@ApplicationScoped
public class OriginProbe {

    @Inject
    @ConfigProperty(name = "headend.origins.probe-timeout", defaultValue = "PT0.8S")
    Duration timeout;

    private HttpClient client;

    @PostConstruct
    void createClient() {
        client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** {@code media} is the variant found last time, if any: fetched directly, saving a request. */
    public CompletableFuture<ProbeResult> fetch(URI configured, URI media) {
        long start = System.nanoTime();
        URI first = media != null ? media : configured;
        return get(first, start).thenCompose(result -> {
            if (result.playlist() != null && result.playlist().isMaster()) {
                return get(first.resolve(result.playlist().firstVariant()), start);
            }
            return CompletableFuture.completedFuture(result);
        });
    }

    /** One playlist as it is, a master not followed. */
    public CompletableFuture<ProbeResult> fetchExactly(URI uri) {
        return get(uri, System.nanoTime());
    }

    private CompletableFuture<ProbeResult> get(URI uri, long start) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> {
                    Duration took = since(start);
                    int status = response.statusCode();
                    if (status >= 400) {
                        return ProbeResult.failed(status, took, "HTTP " + status, status >= 500 ? "5xx" : "4xx");
                    }
                    try {
                        return ProbeResult.served(status, took, MediaPlaylist.parse(response.body()), uri);
                    } catch (RuntimeException unreadable) {
                        return ProbeResult.failed(
                                status, took, "unreadable playlist: " + unreadable.getMessage(), "invalid");
                    }
                })
                .exceptionally(e -> failure(e, start));
    }

    /** A local packager's media playlist of one variant, read from its target. */
    public ProbeResult read(PackagerTarget packager, String variant) {
        long start = System.nanoTime();
        try {
            return ProbeResult.served(
                    null,
                    since(start),
                    MediaPlaylist.parse(packager.mediaPlaylist(variant)),
                    packager.mediaPlaylistUri(variant));
        } catch (IOException | RuntimeException e) {
            return ProbeResult.failed(
                    null, since(start), "cannot read the packager's playlist: " + e.getMessage(), "invalid");
        }
    }

    private static ProbeResult failure(Throwable e, long start) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof HttpTimeoutException) {
            return ProbeResult.failed(null, since(start), "timed out", "timeout");
        }
        String what = cause instanceof ConnectException ? "connection refused" : String.valueOf(cause.getMessage());
        return ProbeResult.failed(null, since(start), what, "connection");
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
