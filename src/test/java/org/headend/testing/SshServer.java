package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A real OpenSSH server for tests: Debian's {@code /usr/sbin/sshd}, run as root in the foreground,
 * optionally inside a network namespace, with its own temp dir (an ed25519 host key, a config that
 * takes public keys only) and a non-root user of its own, made for this run and removed with its
 * home on {@link #close()}. What Headend's SSH link meets on a real worker host, without touching
 * the machine's own sshd or users. Sessions whose client is gone end after about three seconds
 * ({@code ClientAliveInterval 1}, {@code ClientAliveCountMax 3}), as a cut link is noticed on a
 * worker. The address must be reachable from this JVM: that is how the fixture knows it listens.
 */
public final class SshServer implements AutoCloseable {

    private static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final String namespace;
    private final String address;
    private final int port;
    private final String user = "hw" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private Path dir;
    private boolean userMade;
    private Process sshd;

    private SshServer(String namespace, String address, int port) {
        this.namespace = namespace;
        this.address = address;
        this.port = port;
    }

    /** Whether sshd can be run here: it is installed and the tests run as root. */
    public static boolean available() {
        return Files.isExecutable(SSHD)
                && "root".equals(ProcessHandle.current().info().user().orElse(""));
    }

    /** A server in this JVM's namespace on a free port of {@code address} (e.g. 127.0.0.1). */
    public static SshServer start(String address) {
        return start(null, address, FreePorts.next());
    }

    /** A server inside {@code namespace} ({@code null}: this JVM's) listening on address and port. */
    public static SshServer start(String namespace, String address, int port) {
        var server = new SshServer(namespace, address, port);
        try {
            server.prepare();
            server.restart();
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    private void prepare() {
        try {
            dir = Files.createTempDirectory("sshd-");
            // The user's side of sshd reads authorized_keys below this dir, so it must be traversable.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(dir.resolve("authorized_keys"));
            Files.createDirectories(Path.of("/run/sshd")); // its privilege separation dir
            Commands.run(
                    "ssh-keygen",
                    "-q",
                    "-t",
                    "ed25519",
                    "-N",
                    "",
                    "-f",
                    hostKey().toString());
            Commands.run(
                    "ssh-keygen",
                    "-q",
                    "-t",
                    "ed25519",
                    "-N",
                    "",
                    "-f",
                    dir.resolve("other_key").toString());
            Files.writeString(dir.resolve("sshd_config"), config());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // useradd refuses while another one holds the lock on /etc/passwd (tests run side by side).
        Await.until("useradd " + user, Duration.ofSeconds(15), () -> {
            // "*": no password to sign in with, yet not a locked account, which sshd without PAM refuses.
            Commands.run("useradd", "-m", "-s", "/bin/sh", "-p", "*", user);
            return true;
        });
        userMade = true;
    }

    private String config() {
        return String.join(
                "\n",
                "ListenAddress " + address,
                "Port " + port,
                "HostKey " + hostKey(),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys") + "/%u",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "PermitRootLogin no",
                "StrictModes no",
                "ClientAliveInterval 1",
                "ClientAliveCountMax 3",
                "LogLevel ERROR",
                "Subsystem sftp /usr/lib/openssh/sftp-server",
                "");
    }

    private Path hostKey() {
        return dir.resolve("host_ed25519_key");
    }

    /**
     * Starts sshd (again, after {@link #kill()}: the same host key, user and authorized keys) and
     * waits until its port accepts connections.
     */
    public SshServer restart() {
        kill();
        List<String> command = List.of(
                SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString());
        try {
            sshd = new ProcessBuilder(namespace == null ? command : NetworkNamespaces.exec(namespace, command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until("sshd listening on " + address + ":" + port, Duration.ofSeconds(15), this::accepts);
        return this;
    }

    private boolean accepts() {
        if (!sshd.isAlive()) {
            throw new AssertionError("sshd exited with " + sshd.exitValue() + ": " + read(logFile()));
        }
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Writes the user's authorized_keys: this key line, replacing what was there. */
    public void authorize(String publicKeyLine) {
        try {
            Path file = dir.resolve("authorized_keys").resolve(user);
            Files.writeString(file, publicKeyLine.strip() + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The server's key as {@code ssh-keyscan -p <port> <address>} prints it: {@code [address]:port
     * ssh-ed25519 AAAA...}, or just the address on port 22.
     */
    public String hostKeyLine() {
        return keyLine(Path.of(hostKey() + ".pub"));
    }

    /** The same for a key this server does not have: what a host pinned with the wrong key looks like. */
    public String otherHostKeyLine() {
        return keyLine(dir.resolve("other_key.pub"));
    }

    private String keyLine(Path publicKey) {
        String[] typeAndKey = read(publicKey).strip().split("\\s+");
        String host = port == 22 ? address : "[" + address + "]:" + port;
        return host + " " + typeAndKey[0] + " " + typeAndKey[1];
    }

    public String address() {
        return address;
    }

    public int port() {
        return port;
    }

    /** The non-root user remote work runs as; authorize a key for it with {@link #authorize}. */
    public String user() {
        return user;
    }

    /** What sshd printed (errors only), for a failing test's message. */
    public String log() {
        return dir == null || !Files.exists(logFile()) ? "" : read(logFile());
    }

    private Path logFile() {
        return dir.resolve("sshd.log");
    }

    /**
     * SIGKILLs every sshd process of this server: the listener and its per-connection children, as a
     * crashed or killed sshd. Commands the sessions started keep running, orphaned.
     */
    public void kill() {
        if (sshd == null) {
            return;
        }
        // Gathered before anything dies: an orphaned child is no longer the listener's descendant.
        List<ProcessHandle> sshds = Stream.concat(
                        Stream.of(sshd.toHandle()),
                        sshd.descendants().filter(p -> "sshd".equals(NetworkNamespaces.comm(p.pid()))))
                .toList();
        sshds.forEach(ProcessHandle::destroyForcibly);
        NetworkNamespaces.awaitGone(sshds);
        sshd = null;
    }

    /** Kills the server and everything its user runs, then deletes the user, its home and the temp dir. */
    @Override
    public void close() {
        kill();
        if (userMade) {
            // A session may still be forking; killing rounds end when a round finds nobody.
            Await.until(user + "'s processes gone", Duration.ofSeconds(15), () -> killUsersProcesses() == 0);
            Await.until("userdel " + user, Duration.ofSeconds(15), () -> {
                Commands.run("userdel", "-r", user);
                return true;
            });
            userMade = false;
        }
        if (dir != null) {
            deleteTree(dir);
            dir = null;
        }
    }

    private int killUsersProcesses() {
        List<ProcessHandle> killed;
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            killed = all.filter(p -> user.equals(p.info().user().orElse("")))
                    .filter(ProcessHandle::destroyForcibly)
                    .toList();
        }
        NetworkNamespaces.awaitGone(killed);
        return killed.size();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> deepestFirst =
                    new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path p : deepestFirst) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
