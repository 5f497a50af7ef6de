package org.headend.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * it when sshd is killed. Two {@link WorkerHosts} are then reached the same way through their
 * links, a command started over SSH runs in the host's namespace and not the node's, and each way
 * of losing a host (link cut, frozen, sshd killed) stops the client while the other host still
 * answers, until it is undone. Skipped only where namespaces or sshd cannot be used (not root).
 *
 * <p>Not in the suite (its name is no {@code *IT}): {@code WorkersIT} runs every fixture through the
 * app and fails where they do; run this when a fixture changes: {@code mvn verify
 * -Dit.test=WorkerHostsCheck -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class WorkerHostsCheck {

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

    @Test
    void workerHostsAreReachedThroughTheirLinksAndLostInEachWay() throws IOException {
        Assumptions.assumeTrue(WorkerHosts.available(), "worker hosts need root, ip netns and openssh-server");
        List<String> names;
        long sleep;
        Process session = null;
        try (var hosts = WorkerHosts.create(2)) {
            String key = clientKey();
            for (WorkerHost host : hosts.all()) {
                host.ssh().authorize(key);
                assertEquals(new Result(0, host.ssh().user()), ssh(host, "id -un"));
                assertFalse(
                        Commands.run("ip", "-n", host.name(), "-4", "route").contains("default"),
                        "no way out beyond the node");
            }
            WorkerHost a = hosts.get(0);
            WorkerHost b = hosts.get(1);
            assertNotEquals(a.address(), b.address());
            assertEquals(
                    new Result(0, a.address()),
                    fetchFromTheNode(a),
                    "the worker reaches the node, seen at its address");

            Files.writeString(client.resolve("known_hosts"), a.ssh().hostKeyLine() + "\n");
            session = new ProcessBuilder(sshCommand(a.ssh(), "exec sleep 300"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            sleep = Await.until(
                    "sleep running on " + a.name(),
                    Duration.ofSeconds(10),
                    () -> a.processes("sleep").stream().findFirst().orElse(null));
            assertTrue(a.runs(sleep));
            assertFalse(WorkerHosts.inRootNamespace(sleep), "the remote command is not on the node");
            assertTrue(WorkerHosts.inRootNamespace(session.pid()), "the ssh client is on the node");
            assertEquals(List.of(), b.processes("sleep"));

            a.cutLink();
            assertNotEquals(0, ssh(a, "id -un").exit(), "no way in through a cut link");
            assertEquals(0, ssh(b, "id -un").exit(), "the other host is still there");
            a.restoreLink();
            assertEquals(0, ssh(a, "id -un").exit(), "the restored link");

            a.freeze();
            assertNotEquals(0, ssh(a, "id -un").exit(), "a frozen host answers nothing");
            assertEquals(0, ssh(b, "id -un").exit(), "the other host is not frozen");
            a.thaw();
            assertEquals(0, ssh(a, "id -un").exit(), "the thawed host");

            a.killSshd();
            assertTrue(ssh(a, "id -un").out().contains("Connection refused"));
            assertTrue(ProcessHandle.of(sleep).map(ProcessHandle::isAlive).orElse(false), "the command runs on");
            a.restartSshd();
            assertEquals(0, ssh(a, "id -un").exit(), "sshd started again");
            names = hosts.all().stream().map(WorkerHost::name).toList();
        } finally {
            if (session != null) {
                session.destroyForcibly();
            }
        }
        for (String name : names) {
            assertFalse(Files.exists(Path.of("/run/netns", name)), name + " deleted");
            assertNotEquals(0, exec(List.of("ip", "link", "show", name + "n")).exit(), name + "'s link deleted");
        }
        assertFalse(ProcessHandle.of(sleep).map(ProcessHandle::isAlive).orElse(false), "what ran there is killed");
    }

    /**
     * Runs curl on the worker against an HTTP server of this JVM (the node), listening on every
     * address; the server answers the address it saw the request come from.
     */
    private Result fetchFromTheNode(WorkerHost host) throws IOException {
        HttpServer node = HttpServer.create(new InetSocketAddress(0), 0);
        node.createContext("/", exchange -> {
            byte[] seen =
                    exchange.getRemoteAddress().getAddress().getHostAddress().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, seen.length);
            exchange.getResponseBody().write(seen);
            exchange.close();
        });
        node.start();
        try {
            return ssh(
                    host,
                    "curl -s -m 5 http://" + host.nodeAddress() + ":"
                            + node.getAddress().getPort() + "/");
        } finally {
            node.stop(0);
        }
    }

    private Result ssh(WorkerHost host, String command) throws IOException {
        return ssh(host.ssh(), host.ssh().hostKeyLine(), command);
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
        Files.writeString(client.resolve("known_hosts"), knownHost + "\n");
        return exec(sshCommand(server, command));
    }

    /** The system client, knowing only what {@code known_hosts} in the client dir says. */
    private List<String> sshCommand(SshServer server, String command) {
        return List.of(
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
                "UserKnownHostsFile=" + client.resolve("known_hosts"),
                "-o",
                "ConnectTimeout=3",
                "-p",
                Integer.toString(server.port()),
                server.user() + "@" + server.address(),
                command);
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
