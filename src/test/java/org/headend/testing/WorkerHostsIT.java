package org.headend.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the host fixtures without the app: the system's own {@code ssh} client, with a key made by
 * {@code ssh-keygen} and the fixture's host key line as its only known host, signs in to an
 * {@link SshServer} as its user, refuses the server when pinned to the other key, and stops reaching
 * it when sshd is killed. Skipped only where sshd cannot run as root.
 */
class WorkerHostsIT {

    @TempDir
    Path client;

    @Test
    void theSystemClientSignsInWithThePinnedHostKeyAndIsRefusedWithAnother() throws IOException {
        Assumptions.assumeTrue(SshServer.available(), "sshd needs root and openssh-server");
        String user;
        try (var server = SshServer.start("127.0.0.1")) {
            user = server.user();
            server.authorize(clientKey());

            assertEquals(new Result(0, user), ssh(server, server.hostKeyLine(), "id -un"));
            assertEquals(
                    server.hostKeyLine(),
                    exec(List.of("ssh-keyscan", "-t", "ed25519", "-p", Integer.toString(server.port()), "127.0.0.1"))
                            .out()
                            .lines()
                            .filter(line -> !line.startsWith("#"))
                            .findFirst()
                            .orElse(""),
                    "the line ssh-keyscan prints");
            Result wrongKey = ssh(server, server.otherHostKeyLine(), "id -un");
            assertNotEquals(0, wrongKey.exit());
            assertTrue(wrongKey.out().contains("Host key verification failed"), wrongKey.out());

            server.kill();
            assertTrue(ssh(server, server.hostKeyLine(), "id -un").out().contains("Connection refused"));
            server.restart();
            assertEquals(new Result(0, user), ssh(server, server.hostKeyLine(), "id -un"));
        }
        assertFalse(Files.exists(Path.of("/home", user)), "the user's home is deleted");
        assertNotEquals(0, exec(List.of("id", user)).exit(), "the user is deleted");
    }

    private String clientKey() throws IOException {
        Commands.run(
                "ssh-keygen",
                "-q",
                "-t",
                "ed25519",
                "-N",
                "",
                "-f",
                client.resolve("id").toString());
        return Files.readString(client.resolve("id.pub"));
    }

    private Result ssh(SshServer server, String knownHost, String command) throws IOException {
        Path knownHosts = Files.writeString(client.resolve("known_hosts"), knownHost + "\n");
        return exec(List.of(
                "ssh",
                "-i",
                client.resolve("id").toString(),
                "-o",
                "IdentitiesOnly=yes",
                "-o",
                "BatchMode=yes",
                "-o",
                "StrictHostKeyChecking=yes",
                "-o",
                "UserKnownHostsFile=" + knownHosts,
                "-o",
                "ConnectTimeout=3",
                "-p",
                Integer.toString(server.port()),
                server.user() + "@" + server.address(),
                command));
    }

    record Result(int exit, String out) {}

    static Result exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " still runs");
            return new Result(p.exitValue(), out.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
