package org.headend.ear;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * A throwaway Payara Server domain, driven through asadmin as an operator would drive it. It lives in
 * a folder of its own and takes a block of 100 ports found free ({@code --portbase}), so it never
 * meets a domain or an app already running on this machine.
 */
final class PayaraDomain {

    private static final Logger LOG = Logger.getLogger(PayaraDomain.class.getName());
    private static final String NAME = "headend-it";
    private static final long COMMAND_TIMEOUT_SECONDS = 180;

    private final Path payaraHome;
    private final Path domainsDir;
    private final int portBase;

    private PayaraDomain(Path payaraHome, Path domainsDir, int portBase) {
        this.payaraHome = payaraHome;
        this.domainsDir = domainsDir;
        this.portBase = portBase;
    }

    /** Creates the domain below {@code workDir}; the server in {@code payaraHome} stays untouched. */
    static PayaraDomain create(Path payaraHome, Path workDir) throws IOException, InterruptedException {
        var domain = new PayaraDomain(payaraHome, workDir.resolve("domains"), freePortBase());
        domain.asadmin(Map.of(), "create-domain", "--nopassword", "--portbase", String.valueOf(domain.portBase),
                "--domaindir", domain.domainsDir.toString(), NAME);
        return domain;
    }

    int httpPort() {
        return portBase + 80;
    }

    private int adminPort() {
        return portBase + 48;
    }

    /**
     * A port of the block that the portbase leaves to nobody: Payara takes +9, +37 to +39, +48, +49,
     * +59 and up (Hazelcast), +66, +76, +80, +81 and +86.
     */
    int sparePort(int offset) {
        if (offset < 1 || offset > 8) {
            throw new IllegalArgumentException("Offsets 1 to 8 are spare, not " + offset);
        }
        return portBase + offset;
    }

    /** Starts the domain; its JVM inherits {@code environment}. */
    void start(Map<String, String> environment) throws IOException, InterruptedException {
        asadmin(environment, "start-domain", "--domaindir", domainsDir.toString(), NAME);
    }

    void deploy(Path archive, String name) throws IOException, InterruptedException {
        asadmin(Map.of(), "--port", String.valueOf(adminPort()), "deploy", "--name", name, archive.toString());
    }

    void undeploy(String name) throws IOException, InterruptedException {
        asadmin(Map.of(), "--port", String.valueOf(adminPort()), "undeploy", name);
    }

    void stop() throws IOException, InterruptedException {
        asadmin(Map.of(), "stop-domain", "--domaindir", domainsDir.toString(), NAME);
    }

    /** Deletes the domain, keeping its server.log next to the domains folder for a later look. */
    void delete() throws IOException, InterruptedException {
        Path log = domainsDir.resolve(NAME).resolve("logs/server.log");
        if (Files.exists(log)) {
            Files.copy(log, serverLog(), StandardCopyOption.REPLACE_EXISTING);
        }
        asadmin(Map.of(), "delete-domain", "--domaindir", domainsDir.toString(), NAME);
    }

    Path serverLog() {
        return domainsDir.resolveSibling("server.log");
    }

    /** The domain's JVM, while it runs. */
    Optional<ProcessHandle> jvm() throws IOException {
        Path pidFile = domainsDir.resolve(NAME).resolve("config/pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
    }

    private void asadmin(Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(payaraHome.resolve("bin/asadmin").toString());
        command.add("--interactive=false");
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Nothing of the caller's own Headend or asadmin settings (HEADEND_DB_URL, AS_ADMIN_PORT...).
        builder.environment().keySet().removeIf(key -> key.startsWith("HEADEND_") || key.startsWith("AS_ADMIN_"));
        builder.environment().putAll(environment);
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        // Short-lived JVMs (asadmin, the server): C1 alone brings this test from 75 s to 52 s on 2 cores.
        builder.environment().put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
        // To a file, not a pipe: start-domain leaves a server behind that could hold a pipe open.
        Path output = Files.createTempFile(domainsDir.getParent(), "asadmin-", ".log");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String text = Files.readString(output).strip();
        Files.delete(output);
        String what = "asadmin " + String.join(" ", arguments);
        if (!ended || process.exitValue() != 0) {
            throw new IllegalStateException(what + (ended ? " failed" : " timed out") + ":\n" + text
                    + "\nThe domain's log ends up in " + serverLog());
        }
        LOG.info(() -> what + ": " + text.lines().reduce((first, second) -> second).orElse(""));
    }

    /** A base N such that N to N+99 are all free, below Linux's ephemeral range (32768 up). */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 100 * ThreadLocalRandom.current().nextInt(100, 320);
            if (IntStream.range(base, base + 100).allMatch(PayaraDomain::isFree)) {
                return base;
            }
        }
        throw new IllegalStateException("No block of 100 free ports between 10000 and 32000");
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
