package org.headend.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' own linter ({@code promtool check metrics}, from Debian's {@code prometheus}) over an
 * exposition text: the check a scraping team would run on our series.
 */
public final class Promtool {

    /** What promtool said, and its exit code: 0 clean, 3 lint findings, 1 unparsable. */
    public record Lint(int exitCode, String output) {}

    private Promtool() {}

    public static Lint checkMetrics(String exposition) throws IOException, InterruptedException {
        Process promtool = new ProcessBuilder("promtool", "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try (var in = promtool.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(promtool.waitFor(30, TimeUnit.SECONDS), "promtool hangs");
        return new Lint(promtool.exitValue(), output);
    }
}
