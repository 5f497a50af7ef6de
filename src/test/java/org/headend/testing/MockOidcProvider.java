package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OIDC provider for the tests: NAV's mock-oauth2-server, run standalone as its own Java
 * process on a free port, with the JSON configuration the test gives (which users it signs in,
 * with which claims). Its output goes to target/it-logs. Closing it ends the process.
 */
public final class MockOidcProvider implements AutoCloseable {

    private static final String MAIN = "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt";

    private final int port = FreePorts.next();
    private final Path log = Path.of("target", "it-logs", "mock-oauth2-" + port + ".log");
    private Process process;

    public static MockOidcProvider start(String jsonConfig) {
        return new MockOidcProvider().run(jsonConfig);
    }

    private MockOidcProvider run(String jsonConfig) {
        try {
            Files.createDirectories(log.getParent());
            Path config = Files.createTempFile("mock-oauth2-", ".json");
            Files.writeString(config, jsonConfig);
            var builder = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx128m",
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            classpath(),
                            MAIN))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("SERVER_HOSTNAME", "127.0.0.1");
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().put("JSON_CONFIG_PATH", config.toString());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Await.until("the mock OIDC provider to answer (log: " + log + ")", Duration.ofSeconds(60), () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The mock OIDC provider exited; see " + log);
                }
                return Api.fetch(issuer("probe") + "/.well-known/openid-configuration")
                                .status()
                        == 200;
            });
        } catch (RuntimeException | AssertionError notReady) {
            close();
            throw notReady;
        }
        return this;
    }

    /**
     * The test classpath, with the jars the provider needs newer than the project's first (see the
     * pom: Flyway's jackson-annotations is too old for the provider's Jackson 3).
     */
    private static String classpath() {
        String first = System.getProperty("mock.oauth2.classpathFirst", "");
        String tests = System.getProperty("java.class.path");
        return first.isEmpty() ? tests : first + java.io.File.pathSeparator + tests;
    }

    /** The issuer URL of one of the provider's issuers (any id works). */
    public String issuer(String issuerId) {
        return "http://127.0.0.1:" + port + "/" + issuerId;
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
