package org.headend.worker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jcraft.jsch.JSch;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshKeysTest {

    @TempDir
    Path keys;

    @Test
    void makesAnEd25519PairOnFirstUseWithThePrivateKeyForItsOwnerOnly() throws Exception {
        String line = new SshKeys(keys).publicKey();
        assertTrue(line.matches("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5[A-Za-z0-9+/=]+ headend@\\S+"), line);
        Path privateKey = keys.resolve(SshKeys.PRIVATE_KEY);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        assertEquals(line.substring(0, line.lastIndexOf(' ')), publicKeyOf(privateKey), "OpenSSH reads the same key");
        assertTrue(Files.readString(keys.resolve(SshKeys.PUBLIC_KEY)).startsWith(line.substring(0, 80)));
        try (var files = Files.list(keys)) {
            assertEquals(2, files.count(), "no temporary file is left");
        }
    }

    @Test
    void keepsThePairAcrossRunsOfTheApp() {
        String first = new SshKeys(keys).publicKey();
        assertEquals(first, new SshKeys(keys).publicKey());
        assertNotEquals(first, new SshKeys(keys.resolve("elsewhere")).publicKey());
    }

    @Test
    void givesJschTheIdentityAndTightensALooseFile() throws Exception {
        new SshKeys(keys).publicKey();
        Path privateKey = keys.resolve(SshKeys.PRIVATE_KEY);
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-r--r--"));
        var jsch = new JSch();
        new SshKeys(keys).addIdentityTo(jsch);
        assertEquals(1, jsch.getIdentityNames().size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
    }

    @Test
    void aBrokenKeyFileIsToldWithoutItsContent() throws Exception {
        Files.writeString(keys.resolve(SshKeys.PRIVATE_KEY), "secret-looking garbage");
        Files.setPosixFilePermissions(keys.resolve(SshKeys.PRIVATE_KEY), PosixFilePermissions.fromString("rw-------"));
        var cut = new SshKeys(keys);
        var e = assertThrows(UncheckedIOException.class, cut::publicKey);
        assertFalse(e.getMessage().contains("garbage"), e.getMessage());
        var linkError = assertThrows(WorkerLinkException.class, () -> cut.addIdentityTo(new JSch()));
        assertFalse(linkError.getMessage().contains("garbage"), linkError.getMessage());
        assertFalse(cut.toString().contains("garbage"));
    }

    private static String publicKeyOf(Path privateKey) throws Exception {
        Process keygen = new ProcessBuilder("ssh-keygen", "-y", "-f", privateKey.toString()).start();
        String out = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(keygen.waitFor(30, TimeUnit.SECONDS));
        return out.split(" ")[0] + " " + out.split(" ")[1];
    }
}
