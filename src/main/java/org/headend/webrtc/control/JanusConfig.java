package org.headend.webrtc.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.headend.platform.ConfigTemplate;

/**
 * Janus's configuration for one run of the app, in a folder of its own: the files rendered from
 * the {@code server-config/janus} templates (mode 600: they hold the secrets) and private module
 * folders that link only the VideoRoom and Streaming plugins and the HTTP transport, so none of the
 * other plugins Debian ships (SIP, Lua, Duktape...) is ever loaded.
 */
public final class JanusConfig {

    static final String TEMPLATES = "server-config/janus/";
    static final List<String> FILES = List.of(
            "janus.jcfg", "janus.transport.http.jcfg", "janus.plugin.videoroom.jcfg", "janus.plugin.streaming.jcfg");
    static final Map<String, List<String>> MODULES = Map.of(
            "plugins", List.of("libjanus_videoroom.so", "libjanus_streaming.so"),
            "transports", List.of("libjanus_http.so"),
            "events", List.of(),
            "loggers", List.of());

    private JanusConfig() {}

    /** The placeholders' values; every setting was checked by {@link WebRtcSettingsCheck} first. */
    public static Map<String, String> values(WebRtcSettings settings, JanusEndpoint endpoint, Path dir) {
        Map<String, String> values = new HashMap<>();
        values.put("CONFIGS_FOLDER", dir.resolve("conf").toString());
        MODULES.keySet()
                .forEach(folder -> values.put(
                        folder.toUpperCase(java.util.Locale.ROOT) + "_FOLDER",
                        dir.resolve(folder).toString()));
        values.put("API_SECRET", endpoint.apiSecret());
        values.put("ADMIN_SECRET", endpoint.adminSecret());
        values.put("RTP_PORT_RANGE", settings.ports().trim());
        values.put("API_PORT", Integer.toString(settings.apiPort()));
        values.put("ADMIN_PORT", Integer.toString(settings.adminPort()));
        // Janus itself only speaks plain STUN over UDP, to learn its public address.
        values.put(
                "STUN",
                settings.stunServers().stream()
                        .map(IceServerUri::parse)
                        .filter(u -> u.scheme().equals("stun"))
                        .findFirst()
                        .map(u -> "\tstun_server = \"" + u.host().replaceAll("[\\[\\]]", "") + "\"\n\tstun_port = "
                                + u.port())
                        .orElse(""));
        values.put(
                "NAT_1_1_MAPPING",
                settings.publicAddress()
                        .map(a -> "\tnat_1_1_mapping = \"" + a + "\"")
                        .orElse(""));
        values.put(
                "ICE_ENFORCE_LIST",
                settings.iceInterface()
                        .map(i -> "\tice_enforce_list = \"" + i + "\"")
                        .orElse(""));
        return values;
    }

    /** Every {@code ${NAME}} of {@code template} replaced; a placeholder without a value is an error. */
    public static String render(String template, Map<String, String> values) {
        return ConfigTemplate.render(template, values, "Janus");
    }

    /** Writes the configuration and the module links below {@code dir}, replacing an earlier run's. */
    public static void write(Path dir, Map<String, String> values, Path modules) throws IOException {
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf);
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rwx------"));
        for (String file : FILES) {
            Path target = conf.resolve(file);
            Files.deleteIfExists(target);
            // Created private before a byte is written: no moment where another user could read a secret.
            Files.createFile(
                    target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(target, render(template(file), values));
        }
        for (var folder : MODULES.entrySet()) {
            Path links = dir.resolve(folder.getKey());
            Files.createDirectories(links);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(links)) {
                for (Path link : old) {
                    Files.delete(link);
                }
            }
            for (String module : folder.getValue()) {
                Files.createSymbolicLink(
                        links.resolve(module), modules.resolve(folder.getKey()).resolve(module));
            }
        }
    }

    static String template(String file) throws IOException {
        try (InputStream in = JanusConfig.class.getClassLoader().getResourceAsStream(TEMPLATES + file + ".template")) {
            if (in == null) {
                throw new IOException(TEMPLATES + file + ".template is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Where the Janus package keeps its modules: Debian's multiarch folder beside the binary's
     * {@code /usr}, else the usual places of a build from source.
     */
    public static Optional<Path> modules(String binary) {
        Path prefix = Optional.ofNullable(Path.of(binary).toAbsolutePath().getParent())
                .map(Path::getParent)
                .orElse(Path.of("/usr"));
        List<Path> candidates = new ArrayList<>();
        try (DirectoryStream<Path> lib = Files.newDirectoryStream(prefix.resolve("lib"))) {
            lib.forEach(arch -> candidates.add(arch.resolve("janus")));
        } catch (IOException e) {
            // No lib folder there: only the fixed places below.
        }
        candidates.add(prefix.resolve("lib/janus"));
        candidates.add(Path.of("/opt/janus/lib/janus"));
        return candidates.stream()
                .filter(c -> MODULES.entrySet().stream().allMatch(f -> f.getValue().stream()
                        .allMatch(m -> Files.isRegularFile(c.resolve(f.getKey()).resolve(m)))))
                .findFirst();
    }
}
