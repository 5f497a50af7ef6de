package org.headend.testing;

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
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin API of an app's Janus, as its rendered configuration names it (port and secret of this
 * run, in {@code <home>/janus/conf}): what tests ask to see that nothing leaked in Janus itself.
 */
public final class JanusAdmin {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String url;
    private final String secret;

    private JanusAdmin(String url, String secret) {
        this.url = url;
        this.secret = secret;
    }

    public static JanusAdmin of(HeadendProcess app) {
        Path conf = app.home().resolve("janus").resolve("conf");
        String core = read(conf.resolve("janus.jcfg"));
        String transport = read(conf.resolve("janus.transport.http.jcfg"));
        return new JanusAdmin(
                "http://127.0.0.1:" + value(transport, "admin_port") + "/admin", value(core, "admin_secret"));
    }

    /** How many sessions Janus holds now. */
    public int sessions() {
        var body = Json.createObjectBuilder()
                .add("janus", "list_sessions")
                .add("transaction", "t" + System.nanoTime())
                .add("admin_secret", secret)
                .build();
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(5))
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                JsonObject reply = reader.readObject();
                if (!reply.containsKey("sessions")) {
                    throw new IllegalStateException("Janus admin API: " + reply);
                }
                return reply.getJsonArray("sessions").size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(String config, String key) {
        Matcher m = Pattern.compile("(?m)^\\s*" + key + "\\s*=\\s*\"?([^\"\\s]+)\"?")
                .matcher(config);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in the rendered Janus configuration");
        }
        return m.group(1);
    }
}
