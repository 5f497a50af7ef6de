package org.headend.ingest.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.headend.stream.entity.InputInfo;

/** Talks to nginx-rtmp's HTTP side: its statistics page and its control interface. */
@ApplicationScoped
public class NginxClient {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    IngestEndpoints endpoints;

    /** The streams being published right now, by public name. */
    public Map<String, InputInfo> published() throws IOException {
        return NginxStat.publishedStreams(get("/stat"));
    }

    /** The client id of each stream's publisher, by public name: what its callbacks carry. */
    public Map<String, String> publisherClients() throws IOException {
        return NginxStat.publisherClients(get("/stat"));
    }

    /**
     * Disconnects one publisher by its client id. By id rather than name: the name a publisher no
     * stream of ours renamed is its stream key, which must not travel in a URL.
     */
    public void dropPublisherClient(String clientId) throws IOException {
        get("/control/drop/publisher?app=" + IngestEndpoints.APPLICATION + "&clientid="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
    }

    /**
     * How many clients that connected at most {@code joinedWithin} ago play each stream, by public
     * name, including streams not published yet.
     */
    public Map<String, Integer> players(Duration joinedWithin) throws IOException {
        return NginxStat.players(get("/stat"), joinedWithin);
    }

    /** Disconnects the publisher of a stream, as when the stream is deleted while live. */
    public void dropPublisher(String name) throws IOException {
        get("/control/drop/publisher?app=" + IngestEndpoints.APPLICATION + "&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    /**
     * Whether nginx answers its statistics page within a second; asked without blocking. A frozen
     * nginx still accepts TCP connections (the kernel does), but answers nothing.
     */
    public java.util.concurrent.CompletableFuture<Boolean> answers() {
        var request = HttpRequest.newBuilder(URI.create(endpoints.nginxHttpBase() + "/stat"))
                .timeout(Duration.ofSeconds(1))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null && response.statusCode() == 200);
    }

    private String get(String path) throws IOException {
        var request = HttpRequest.newBuilder(URI.create(endpoints.nginxHttpBase() + path))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("nginx-rtmp answered HTTP " + response.statusCode() + " on " + path);
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while calling nginx-rtmp", e);
        }
    }
}
