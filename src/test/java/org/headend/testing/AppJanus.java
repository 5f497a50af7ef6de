package org.headend.testing;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Janus a test app runs, reached as the app reaches it: its ports and secrets read from the
 * configuration the app rendered into its home (which only the app's user may read). For checks
 * from outside: a session can be made, Janus's sessions listed (what a leak would show), its
 * process found.
 */
public final class AppJanus {

    private final HeadendProcess app;
    private final Api api;
    private final Api admin;
    private final String apiSecret;
    private final String adminSecret;

    private AppJanus(HeadendProcess app) {
        this.app = app;
        Path conf = app.home().resolve("janus/conf");
        String janus = read(conf.resolve("janus.jcfg"));
        String http = read(conf.resolve("janus.transport.http.jcfg"));
        apiSecret = value(janus, "api_secret");
        adminSecret = value(janus, "admin_secret");
        api = new Api("http://127.0.0.1:" + value(http, "port"), null);
        admin = new Api("http://127.0.0.1:" + value(http, "admin_port"), null);
    }

    public static AppJanus of(HeadendProcess app) {
        return new AppJanus(app);
    }

    /** The running Janus, if there is one (there is at most one). */
    public Optional<ProcessHandle> process() {
        List<ProcessHandle> running = app.children("janus");
        if (running.size() > 1) {
            throw new AssertionError("more than one Janus: " + running);
        }
        return running.stream().findFirst();
    }

    /** Makes a session with the app's API secret and returns its id; fails unless Janus says success. */
    public long createSession() {
        JsonObject reply = api.post(
                        "/janus",
                        Json.createObjectBuilder()
                                .add("janus", "create")
                                .add("transaction", Names.unique("t"))
                                .add("apisecret", apiSecret)
                                .build())
                .json();
        if (!"success".equals(reply.getString("janus", ""))) {
            throw new AssertionError("Janus refused a session: " + reply);
        }
        return reply.getJsonObject("data").getJsonNumber("id").longValue();
    }

    public void destroySession(long id) {
        api.post(
                "/janus/" + id,
                Json.createObjectBuilder()
                        .add("janus", "destroy")
                        .add("transaction", Names.unique("t"))
                        .add("apisecret", apiSecret)
                        .build());
    }

    /** The ids of every session Janus has, through its admin API. */
    public List<Long> sessions() {
        JsonObject reply = admin.post(
                        "/admin",
                        Json.createObjectBuilder()
                                .add("janus", "list_sessions")
                                .add("transaction", Names.unique("t"))
                                .add("admin_secret", adminSecret)
                                .build())
                .json();
        return reply.getJsonArray("sessions").getValuesAs(JsonNumber.class).stream()
                .map(JsonNumber::longValue)
                .toList();
    }

    /** The secrets, for tests that check they appear nowhere they should not. */
    public List<String> secrets() {
        return List.of(apiSecret, adminSecret);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String value(String config, String key) {
        Matcher m = Pattern.compile("(?m)^\\s*" + key + " = \"?([^\"\\s]+)\"?").matcher(config);
        if (!m.find()) {
            throw new AssertionError(key + " is not in Janus's configuration");
        }
        return m.group(1);
    }
}
