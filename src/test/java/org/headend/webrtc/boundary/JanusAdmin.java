package org.headend.webrtc.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.headend.testing.HeadendProcess;

/**
 * The app's Janus as its admin API shows it: what a session leak would show. The admin port and
 * secret are read from the configuration the app rendered for Janus in its home (both loopback-only
 * and fresh for every run of the app).
 */
final class JanusAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String url;
    private final String secret;

    private JanusAdmin(String url, String secret) {
        this.url = url;
        this.secret = secret;
    }

    static JanusAdmin of(HeadendProcess app) {
        String core = read(app.home(), "janus.jcfg");
        String transport = read(app.home(), "janus.transport.http.jcfg");
        return new JanusAdmin(
                "http://127.0.0.1:" + value(transport, "admin_port") + "/admin", value(core, "admin_secret"));
    }

    /** The ids of every session Janus holds now. */
    List<Long> sessions() {
        JsonObject reply = post(Json.createObjectBuilder()
                .add("janus", "list_sessions")
                .add("transaction", "it" + System.nanoTime())
                .add("admin_secret", secret)
                .build());
        List<Long> ids = new ArrayList<>();
        var list = reply.getJsonArray("sessions");
        if (list != null) {
            list.getValuesAs(jakarta.json.JsonNumber.class).forEach(n -> ids.add(n.longValue()));
        }
        return ids;
    }

    private JsonObject post(JsonObject body) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path home, String file) {
        try (Stream<Path> files = Files.walk(home)) {
            Path found = files.filter(p -> p.getFileName().toString().equals(file))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No " + file + " under " + home));
            return Files.readString(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(String config, String key) {
        Matcher m = Pattern.compile("(?m)^\\s*" + key + "\\s*=\\s*\"?([^\"\\s]+)\"?")
                .matcher(config);
        if (!m.find()) {
            throw new AssertionError("No " + key + " in Janus's configuration");
        }
        return m.group(1);
    }
}
