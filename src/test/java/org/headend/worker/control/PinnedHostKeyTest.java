package org.headend.worker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jcraft.jsch.HostKeyRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Host keys made by this machine's ssh-keygen, read back and fingerprinted as OpenSSH does. */
class PinnedHostKeyTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "rsa", "ecdsa"})
    void readsAKeyscanLineAndFingerprintsItAsOpenSsh(String keygenType) throws Exception {
        String publicKey = keygen(keygenType, "k");
        String[] parts = publicKey.split(" ");
        var cut = PinnedHostKey.parse("[worker-1]:2222 " + parts[0] + " " + parts[1]);
        assertEquals(parts[0], cut.type());
        assertEquals(openSshFingerprint("k"), cut.fingerprint());
        assertEquals(parts[0] + " " + parts[1], cut.line());
    }

    @Test
    void readsTheTypeAndBase64PartWithOrWithoutAComment() throws Exception {
        String publicKey = keygen("ed25519", "k");
        assertEquals("ssh-ed25519", PinnedHostKey.parse(publicKey).type(), "with its comment");
        String bare = publicKey.substring(0, publicKey.lastIndexOf(' '));
        assertEquals(
                openSshFingerprint("k"), PinnedHostKey.parse("  " + bare + "\n").fingerprint());
    }

    @Test
    void acceptsExactlyThePinnedKeyAndNamesTheOtherOne() throws Exception {
        var cut = PinnedHostKey.parse(keygen("ed25519", "pinned"));
        byte[] another = blob(keygen("ed25519", "another"));
        byte[] same = blob(Files.readString(dir.resolve("pinned.pub")));
        assertEquals(HostKeyRepository.OK, cut.check("[10.0.0.2]:22", same));
        assertTrue(cut.refusal().isEmpty());

        assertEquals(HostKeyRepository.CHANGED, cut.check("[10.0.0.2]:22", another));
        assertEquals(
                "the host presented another key (ssh-ed25519 " + openSshFingerprint("another")
                        + ") than the one registered (ssh-ed25519 " + openSshFingerprint("pinned") + ")",
                cut.refusal().orElseThrow());
    }

    @Test
    void neverLearnsAKey() throws Exception {
        var cut = PinnedHostKey.parse(keygen("ed25519", "pinned"));
        byte[] other = blob(keygen("rsa", "other"));
        cut.add(new com.jcraft.jsch.HostKey("w", other), null);
        assertEquals(HostKeyRepository.CHANGED, cut.check("w", other));
        assertEquals(1, cut.getHostKey().length);
        assertEquals(0, cut.getHostKey("w", "ssh-rsa").length);
        assertTrue(cut.refusal().orElseThrow().startsWith("the host presented another key (ssh-rsa SHA256:"));
    }

    @Test
    void offersTheServerOnlyThePinnedKeyType() throws Exception {
        assertEquals("ssh-ed25519", PinnedHostKey.parse(keygen("ed25519", "e")).algorithms());
        assertEquals(
                "rsa-sha2-512,rsa-sha2-256,ssh-rsa",
                PinnedHostKey.parse(keygen("rsa", "r")).algorithms());
    }

    @Test
    void refusesWhatIsNoHostKeyInPlainWords() throws Exception {
        String good = keygen("ed25519", "k");
        String base64 = good.split(" ")[1];
        String rsaBase64 = keygen("rsa", "r").split(" ")[1];
        for (var bad : List.of(
                List.of("", "the host key is missing"),
                List.of("   ", "the host key is missing"),
                List.of("worker-1", "must read"),
                List.of("worker-1 ssh-dss AAAA", "must read"),
                List.of("ssh-ed25519", "must read"),
                List.of("ssh-ed25519 not*base64", "not valid base64"),
                List.of("ssh-ed25519 " + rsaBase64, "no ssh-ed25519 key"),
                List.of("@cert-authority * " + good, "not a @cert-authority line"),
                List.of(good + "\n" + good, "one host key line"))) {
            var e = assertThrows(IllegalArgumentException.class, () -> PinnedHostKey.parse(bad.get(0)), bad.get(0));
            assertTrue(e.getMessage().contains(bad.get(1)), e.getMessage());
            assertEquals(e.getMessage(), PinnedHostKey.validate(bad.get(0)).orElseThrow());
        }
        assertFalse(PinnedHostKey.validate("ssh-ed25519 " + base64).isPresent());
        assertThrows(IllegalArgumentException.class, () -> PinnedHostKey.parse(null));
    }

    private String keygen(String type, String name) throws Exception {
        Process keygen = new ProcessBuilder(
                        "ssh-keygen",
                        "-q",
                        "-t",
                        type,
                        "-N",
                        "",
                        "-C",
                        "comment",
                        "-f",
                        dir.resolve(name).toString())
                .redirectErrorStream(true)
                .start();
        keygen.getInputStream().readAllBytes();
        assertTrue(keygen.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, keygen.exitValue());
        return Files.readString(dir.resolve(name + ".pub")).strip();
    }

    /** {@code ssh-keygen -lf} prints {@code bits SHA256:... comment (TYPE)}. */
    private String openSshFingerprint(String name) throws Exception {
        Process keygen = new ProcessBuilder(
                        "ssh-keygen",
                        "-l",
                        "-E",
                        "sha256",
                        "-f",
                        dir.resolve(name + ".pub").toString())
                .start();
        String out = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keygen.waitFor(30, TimeUnit.SECONDS));
        return out.split(" ")[1];
    }

    private static byte[] blob(String publicKey) {
        return Base64.getDecoder().decode(publicKey.strip().split(" ")[1]);
    }
}
