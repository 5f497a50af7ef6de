package org.headend.webrtc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JanusConfigTest {

    @TempDir
    Path dir;

    private final WebRtcSettings settings = SampleWebRtcSettings.defaults();
    private final JanusEndpoint endpoint = endpoint(settings);

    @Test
    void theApisListenOnLoopbackOnlyWithTheirSecrets() throws IOException {
        write();
        String janus = read("janus.jcfg");
        assertTrue(janus.contains("api_secret = \"" + endpoint.apiSecret() + "\""), janus);
        assertTrue(janus.contains("admin_secret = \"" + endpoint.adminSecret() + "\""), janus);
        assertTrue(janus.contains("session_timeout = 60"), janus);
        assertTrue(janus.contains("rtp_port_range = \"20000-20199\""), janus);
        assertTrue(janus.contains("plugins_folder = \"" + dir.resolve("plugins") + "\""), janus);
        String http = read("janus.transport.http.jcfg");
        assertTrue(http.contains("port = 8188\n\tip = \"127.0.0.1\""), http);
        assertTrue(http.contains("admin_http = true\n\tadmin_port = 7188\n\tadmin_ip = \"127.0.0.1\""), http);
        for (String file : JanusConfig.FILES) {
            assertFalse(read(file).contains("${"), file);
        }
    }

    @Test
    void optionalNatSettingsAppearOnlyWhenSet() throws IOException {
        write();
        String plain = read("janus.jcfg");
        Stream.of("stun_server", "nat_1_1_mapping", "ice_enforce_list")
                .forEach(key -> assertFalse(plain.contains(key + " ="), key));

        settings.publicAddress = Optional.of("203.0.113.7");
        settings.iceInterface = Optional.of("eth1");
        settings.stunServers = Optional.of(String.join(",", "stuns:secure.example.net", "stun:stun.example.net:3479"));
        write();
        String nat = read("janus.jcfg");
        assertTrue(nat.contains("\tnat_1_1_mapping = \"203.0.113.7\"\n"), nat);
        assertTrue(nat.contains("\tice_enforce_list = \"eth1\"\n"), nat);
        // Janus only speaks STUN over UDP: the first plain stun: server.
        assertTrue(nat.contains("\tstun_server = \"stun.example.net\"\n\tstun_port = 3479\n"), nat);
    }

    @Test
    void theFilesAreForTheAppsUserAlone() throws IOException {
        write();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("conf"))));
        for (String file : JanusConfig.FILES) {
            assertEquals(
                    "rw-------",
                    PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(dir.resolve("conf").resolve(file))),
                    file);
        }
    }

    @Test
    void onlyVideoRoomStreamingAndHttpAreLinked() throws IOException {
        Path modules = Files.createDirectories(dir.resolve("modules"));
        Path out = Files.createDirectories(dir.resolve("out"));
        write(out, modules);
        // An earlier run's stray module is gone after a new write.
        Files.createSymbolicLink(out.resolve("plugins/libjanus_sip.so"), modules.resolve("plugins/libjanus_sip.so"));
        write(out, modules);
        assertEquals(List.of("libjanus_streaming.so", "libjanus_videoroom.so"), names(out.resolve("plugins")));
        assertEquals(List.of("libjanus_http.so"), names(out.resolve("transports")));
        assertEquals(List.of(), names(out.resolve("events")));
        assertEquals(List.of(), names(out.resolve("loggers")));
        assertEquals(
                modules.resolve("plugins/libjanus_videoroom.so"),
                Files.readSymbolicLink(out.resolve("plugins/libjanus_videoroom.so")));
    }

    @Test
    void aMissingValueIsAnError() {
        var e = assertThrows(IllegalArgumentException.class, () -> JanusConfig.render("a ${B} c", Map.of()));
        assertEquals("No value for ${B} in the Janus template", e.getMessage());
        assertEquals("a x c", JanusConfig.render("a ${B} c", Map.of("B", "x")));
    }

    @Test
    void debiansModulesAreFoundBesideTheBinary() {
        Optional<Path> modules = JanusConfig.modules("/usr/bin/janus");
        assertTrue(modules.isPresent(), "the janus package is installed here");
        assertTrue(Files.isRegularFile(modules.get().resolve("plugins/libjanus_videoroom.so")));
        assertEquals(
                Optional.empty(), JanusConfig.modules(dir.resolve("bin/janus").toString()));
    }

    private void write() throws IOException {
        write(dir, dir.resolve("modules"));
    }

    private void write(Path to, Path modules) throws IOException {
        JanusConfig.write(to, JanusConfig.values(settings, endpoint, to), modules);
    }

    private String read(String file) throws IOException {
        return Files.readString(dir.resolve("conf").resolve(file));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static JanusEndpoint endpoint(WebRtcSettings settings) {
        var endpoint = new JanusEndpoint();
        endpoint.settings = settings;
        endpoint.init();
        return endpoint;
    }
}
