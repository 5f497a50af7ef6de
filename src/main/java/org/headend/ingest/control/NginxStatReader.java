package org.headend.ingest.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.headend.stream.entity.InputInfo;

/** Fetches and reads nginx-rtmp's statistics page. */
@ApplicationScoped
public class NginxStatReader {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Inject
    IngestEndpoints endpoints;

    /** The streams being published right now, by public name. */
    public Map<String, InputInfo> published() throws IOException {
        var request = HttpRequest.newBuilder(URI.create(endpoints.statUrl()))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("nginx-rtmp statistics answered HTTP " + response.statusCode());
            }
            return NginxStat.publishedStreams(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading nginx-rtmp statistics", e);
        }
    }
}
