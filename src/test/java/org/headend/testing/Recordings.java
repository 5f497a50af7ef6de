package org.headend.testing;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Recording steps the recording tests share: streams to record, waits on states, downloads, probes. */
public final class Recordings {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Api api;
    private final String baseUrl;
    private final String token;

    public Recordings(HeadendProcess app, Api api, String token) {
        this.api = api;
        this.baseUrl = app.baseUrl();
        this.token = token;
    }

    /** Signs in as admin, keeping the token for downloads. */
    public static Recordings asAdmin(HeadendProcess app) {
        var reply = app.api()
                .post(
                        "/api/v1/auth/token",
                        "{\"username\":\"admin\",\"password\":\"" + HeadendProcess.ADMIN_PASSWORD + "\"}");
        String token = reply.json().getString("access_token");
        return new Recordings(app, app.api().as(token), token);
    }

    public Api api() {
        return api;
    }

    /** A new stream on the passthrough ladder (no re-encoding: cheap on CPU). */
    public JsonObject stream(String name, String record) {
        return SampleStreams.on(api)
                .name(name)
                .ladder("passthrough")
                .record(record)
                .create()
                .json();
    }

    public void awaitStreamState(JsonObject stream, String state) {
        api.awaitState("/api/v1/streams/" + stream.getString("id") + "/status", state, Duration.ofSeconds(60));
    }

    public JsonObject recording(String id) {
        return api.get("/api/v1/recordings/" + id).json();
    }

    public JsonObject awaitRecording(String id, String state, Duration deadline) {
        return api.awaitState("/api/v1/recordings/" + id, state, deadline);
    }

    public JsonObject awaitSize(String id, long bytes) {
        return Await.until("recording " + id + " to hold " + bytes + " bytes", Duration.ofSeconds(60), () -> {
            JsonObject r = recording(id);
            return r.getJsonNumber("sizeBytes").longValue() >= bytes ? r : null;
        });
    }

    /** GET of the API path with the admin token, optionally with a Range header. */
    public HttpResponse<byte[]> download(String path, String range) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (range != null) {
            request.header("Range", range);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The media file's duration in seconds, as ffprobe reads it. */
    public static double duration(Path file) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(
                        "ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
            throw new AssertionError("ffprobe failed on " + file + ": " + out);
        }
        return Double.parseDouble(out.trim());
    }
}
