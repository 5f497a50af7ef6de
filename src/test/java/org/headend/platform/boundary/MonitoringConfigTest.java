package org.headend.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alert rules and the Grafana dashboard in server-config/: the rules pass promtool
 * and fire in promtool's own rule tests, and both use only metrics Headend documents.
 */
class MonitoringConfigTest {

    private static final Path RULES = Path.of("server-config/prometheus/headend-alerts.yml");
    private static final Path RULE_TESTS = Path.of("server-config/prometheus/headend-alerts.test.yml");
    private static final Path DASHBOARD = Path.of("server-config/grafana/headend-dashboard.json");
    private static final Pattern METRIC = Pattern.compile("headend_[a-z_]+");

    @Test
    void theAlertRulesAreValidAndFireWhenMeantTo() throws Exception {
        assertEquals(0, promtool("check", "rules", RULES.toString()));
        assertEquals(0, promtool("test", "rules", RULE_TESTS.toString()));
    }

    @Test
    void theDashboardIsGrafanaJsonOverDocumentedMetrics() throws IOException {
        try (var reader = Json.createReader(Files.newBufferedReader(DASHBOARD))) {
            var dashboard = reader.readObject();
            assertTrue(dashboard.getJsonArray("panels").size() >= 10);
            assertEquals("headend", dashboard.getString("uid"));
        }
        String readme = Files.readString(Path.of("README.md"));
        Set<String> undocumented = new TreeSet<>();
        for (Path file : new Path[] {DASHBOARD, RULES}) {
            METRIC.matcher(Files.readString(file)).results().map(m -> m.group()).forEach(name -> {
                if (!readme.contains("`" + name + "`")) {
                    undocumented.add(name);
                }
            });
        }
        assertTrue(undocumented.isEmpty(), "not in README's metrics table: " + undocumented);
    }

    private static int promtool(String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>();
        command.add("promtool");
        command.addAll(java.util.List.of(args));
        Process promtool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(promtool.waitFor(60, TimeUnit.SECONDS), "promtool hangs");
        if (promtool.exitValue() != 0) {
            System.err.println(output);
        }
        return promtool.exitValue();
    }
}
