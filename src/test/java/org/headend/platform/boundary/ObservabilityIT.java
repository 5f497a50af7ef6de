package org.headend.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.headend.testing.Api;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Promtool;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedHeadend.class)
class ObservabilityIT {

    @Test
    void readinessChecksTheDatabaseAndNginx(HeadendProcess app) {
        var ready = app.api().get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("\"database\""), ready.body());
        assertTrue(ready.body().contains("\"nginx-rtmp\""), ready.body());
        assertEquals(200, app.api().get("/health/live").status());
    }

    @Test
    void metricsAreValidPrometheusTextWithTheDocumentedNames(HeadendProcess app) throws Exception {
        app.admin().get("/api/v1/streams");
        var metrics = app.api().get("/metrics");
        assertEquals(200, metrics.status());
        for (String series : List.of(
                "headend_streams_live{",
                "headend_streams_error{",
                "headend_publishes_total{.*result=\"accepted\".*",
                "headend_publishes_total{.*result=\"refused\".*",
                "headend_sign_ins_total{.*result=\"refused\".*",
                "headend_sign_ins_total{.*result=\"locked\".*",
                "headend_api_requests_total{.*resource=\"StreamsResource\".*",
                "headend_api_request_seconds{.*",
                "headend_console_sessions{.*",
                "headend_input_listeners{.*type=\"srt\".*",
                "headend_console_push_messages_total{.*type=\"state\".*")) {
            assertTrue(
                    metrics.body().lines().anyMatch(l -> l.matches(series.replace("{", "\\{") + ".*")),
                    series + " missing from /metrics");
        }
        // Our own series are lint-clean; the full page also parses (Payara's base metrics carry the
        // camelCase names the MicroProfile Metrics specification prescribes, which promtool lints).
        assertEquals(
                0,
                Promtool.checkMetrics(
                                app.api().get("/metrics?scope=application").body())
                        .exitCode(),
                "application scope");
        var full = Promtool.checkMetrics(metrics.body());
        assertTrue(full.exitCode() == 0 || full.exitCode() == 3, "promtool cannot parse /metrics:\n" + full.output());
        assertTrue(full.output().lines().noneMatch(l -> l.startsWith("headend_")), full.output());
    }

    @Test
    void theOpenApiDocumentDescribesTheApi(HeadendProcess app) {
        var openapi = Api.fetch(app.baseUrl() + "/openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/v1/streams"), "streams are documented");
        assertTrue(openapi.body().contains("/api/v1/ladders"), "ladders are documented");
    }
}
