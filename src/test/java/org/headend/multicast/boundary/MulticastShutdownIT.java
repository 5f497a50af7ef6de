package org.headend.multicast.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.headend.testing.Api;
import org.headend.testing.Await;
import org.headend.testing.HeadendProcess;
import org.headend.testing.MulticastReceiver;
import org.headend.testing.Names;
import org.headend.testing.Publisher;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM with a multicast sender live, on an app of its own (the shared one must live on): no
 * source ffmpeg is left behind, and the SAP session is deleted on the way out, so VLC's list does
 * not keep a channel that no longer sends.
 */
class MulticastShutdownIT {

    @Test
    void sigtermEndsEverySourceAndDeletesTheSapSession() throws Exception {
        String group = MulticastReceiver.randomGroup().getHostAddress();
        try (HeadendProcess app = HeadendProcess.inTempHome(Map.of()).start();
                MulticastReceiver sap = MulticastReceiver.join(InetAddress.getByName("224.2.127.254"), 9875)) {
            Api api = app.admin();
            JsonObject stream = api.post(
                            "/api/v1/streams",
                            "{\"name\":\"" + Names.unique("mcast-stop") + "\",\"ladder\":\"passthrough\"}")
                    .json();
            String senders = "/api/v1/streams/" + stream.getString("id") + "/multicast";
            JsonObject sender = api.post(senders, "{\"group\":\"" + group + "\",\"interface\":\"lo\"}")
                    .json();
            String one = senders + "/" + sender.getString("id");
            try (Publisher publisher = Publisher.start(app.rtmpUrl(), stream.getString("streamKey"), 320, 180, 15)) {
                Await.until(one + " to be LIVE", Duration.ofSeconds(60), () -> "LIVE"
                        .equals(api.get(one).json().getString("state")));
                Await.until("its SAP announcement", Duration.ofSeconds(20), () -> sapFor(sap, group, false));
                assertFalse(app.children("ffmpeg").isEmpty(), "the source runs");

                List<ProcessHandle> left = app.stop();
                assertEquals(List.of(), left, "nothing the app started outlives it");
                Await.until("the SAP deletion", Duration.ofSeconds(10), () -> sapFor(sap, group, true));
            }
        }
    }

    private static boolean sapFor(MulticastReceiver sap, String group, boolean deletion) {
        return sap.datagrams().stream().anyMatch(d -> {
            byte[] bytes = d.bytes();
            boolean isDeletion = (bytes[0] & 0x04) != 0;
            return isDeletion == deletion
                    && new String(bytes, StandardCharsets.UTF_8).contains("c=IN IP4 " + group + "/");
        });
    }
}
