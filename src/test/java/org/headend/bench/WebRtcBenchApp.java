package org.headend.bench;

import java.util.HashMap;
import java.util.Map;
import org.headend.testing.Api;
import org.headend.testing.HeadendProcess;
import org.headend.testing.WebRtcNetwork;

/** The app a WebRTC bench measures: its own veth pair for Janus's candidates, deleted with it. */
record WebRtcBenchApp(WebRtcNetwork network, HeadendProcess app) implements AutoCloseable {

    static WebRtcBenchApp start(Map<String, String> extraEnv) {
        WebRtcNetwork network = WebRtcNetwork.create();
        System.out.println("BENCH network " + network.janusInterface() + " (deleted after the run)");
        Map<String, String> env = new HashMap<>(network.appEnvironment());
        env.putAll(extraEnv);
        try {
            return new WebRtcBenchApp(network, HeadendProcess.inTempHome(env).start());
        } catch (RuntimeException | Error e) {
            network.close();
            throw e;
        }
    }

    Api admin() {
        return app.admin();
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            network.close();
        }
    }
}
