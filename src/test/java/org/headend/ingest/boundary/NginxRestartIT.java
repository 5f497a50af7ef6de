package org.headend.ingest.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.headend.testing.Await;
import org.headend.testing.HeadendProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The managed nginx-rtmp killed with everything it started (master and workers, as a crash of it
 * would leave no worker holding the port) is started again by the app, answers RTMP again, and is
 * stopped with the app.
 */
class NginxRestartIT {

    private HeadendProcess app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void aKilledNginxIsStartedAgainAndStoppedWithTheApp() {
        app = HeadendProcess.inTempHome(Map.of()).start();
        List<ProcessHandle> old = Await.until("nginx-rtmp's master and worker", Duration.ofSeconds(10), () -> {
            var nginx = app.children("nginx");
            return nginx.size() >= 2 ? nginx : null;
        });
        List<Long> oldPids = old.stream().map(ProcessHandle::pid).toList();
        old.forEach(ProcessHandle::destroyForcibly);

        ProcessHandle again =
                Await.until("a new nginx-rtmp", Duration.ofSeconds(20), () -> app.children("nginx").stream()
                        .filter(p -> !oldPids.contains(p.pid()))
                        .findFirst()
                        .orElse(null));
        URI rtmp = URI.create(app.rtmpUrl());
        Await.until("RTMP to answer again", Duration.ofSeconds(20), () -> answers(rtmp));
        assertTrue(again.isAlive());

        assertEquals(List.of(), app.stop(), "the new nginx-rtmp is stopped with the app");
        app = null;
    }

    private static boolean answers(URI rtmp) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(rtmp.getHost(), rtmp.getPort()), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
