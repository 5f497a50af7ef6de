package org.headend.webrtc.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import org.headend.testing.Await;
import org.headend.testing.Browser;
import org.openqa.selenium.JavascriptExecutor;

/**
 * A WHEP player in Chromium, as another site's player would be: POST with no offer, Janus's offer
 * from the 406, the answer PATCHed to the Location; the media attached to a video element so
 * Chromium decodes and plays it out. Its PeerConnection is read through {@code getStats()}.
 */
final class WhepPlayer {

    /** Chromium replaces host candidates with mDNS names unless told not to; Janus cannot resolve them. */
    static final String[] CHROMIUM_FLAGS = {"--disable-features=WebRtcHideLocalIpsWithMdns"};

    private static final String PLAY =
            """
            const [url, authorization, pcName, done] = arguments;
            (async () => {
              const t0 = performance.now();
              const times = window[pcName + 'Times'] = {};
              const headers = authorization ? { Authorization: authorization } : {};
              const offer = await fetch(url, { method: 'POST', headers, credentials: 'omit' });
              if (offer.status !== 406) { done({ status: offer.status }); return; }
              times.offer = performance.now() - t0;
              const location = offer.headers.get('Location');
              const pc = new RTCPeerConnection();
              pc.onconnectionstatechange = () => {
                if (pc.connectionState === 'connected') times.connected = performance.now() - t0;
              };
              const video = document.createElement('video');
              video.muted = true; video.autoplay = true; video.playsInline = true;
              document.body.appendChild(video);
              pc.ontrack = e => { video.srcObject = e.streams[0]; video.play().catch(() => {}); };
              video.requestVideoFrameCallback(() => { times.firstFrame = performance.now() - t0; });
              window[pcName] = pc;
              await pc.setRemoteDescription({ type: 'offer', sdp: await offer.text() });
              await pc.setLocalDescription(await pc.createAnswer());
              await new Promise(resolve => {
                if (pc.iceGatheringState === 'complete') resolve();
                pc.onicegatheringstatechange = () => pc.iceGatheringState === 'complete' && resolve();
                setTimeout(resolve, 3000);
              });
              const answer = await fetch(location, { method: 'PATCH', credentials: 'omit',
                  headers: { 'Content-Type': 'application/sdp' }, body: pc.localDescription.sdp });
              done({ status: 406, location, patch: answer.status, type: offer.headers.get('Content-Type') });
            })().catch(e => done({ error: String(e) }));
            """;

    /** The PeerConnection's inbound media and state, from the expression naming the connection. */
    static final String STATS =
            """
            const [pcExpression, done] = arguments;
            const pc = eval(pcExpression);
            if (!pc) { done('{}'); return; }
            pc.getStats().then(stats => {
              const out = { state: pc.connectionState };
              stats.forEach(s => {
                if (s.type === 'inbound-rtp') {
                  out[s.kind] = { framesDecoded: s.framesDecoded || 0, samples: s.totalSamplesReceived || 0,
                                  concealed: s.concealedSamples || 0, packets: s.packetsReceived || 0 };
                }
              });
              done(JSON.stringify(out));
            }).catch(e => done(JSON.stringify({ error: String(e) })));
            """;

    private final Browser browser;
    private final String pc = "whepPc" + System.nanoTime();

    WhepPlayer(Browser browser) {
        this.browser = browser;
    }

    /** Plays {@code whepUrl}; the POST's and the PATCH's statuses and the resource's Location. */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> play(String whepUrl, String authorization) {
        return (java.util.Map<String, Object>)
                ((JavascriptExecutor) browser.driver()).executeAsyncScript(PLAY, whepUrl, authorization, pc);
    }

    /** Milliseconds from the POST to Janus's offer, to the connection, to the first frame shown. */
    String timings() {
        return String.valueOf(browser.script("return JSON.stringify(window." + pc + "Times);"));
    }

    JsonObject stats() {
        return stats(browser, "window." + pc);
    }

    static JsonObject stats(Browser browser, String pcExpression) {
        String json = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(STATS, pcExpression);
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /**
     * Waits until the connection decoded more than {@code frames} video frames and received more
     * than {@code samples} audio samples, and answers the stats then.
     */
    static JsonObject awaitMedia(Browser browser, String pcExpression, int frames, int samples, Duration deadline) {
        return Await.until("WebRTC media decoded (" + frames + " frames, " + samples + " samples)", deadline, () -> {
            JsonObject s = stats(browser, pcExpression);
            boolean enough = s.containsKey("video")
                    && s.containsKey("audio")
                    && s.getJsonObject("video").getInt("framesDecoded") > frames
                    && s.getJsonObject("audio").getJsonNumber("samples").longValue() > samples;
            return enough ? s : null;
        });
    }

    JsonObject awaitMedia(int frames, int samples, Duration deadline) {
        return awaitMedia(browser, "window." + pc, frames, samples, deadline);
    }

    /** Ends the player's PeerConnection (without telling the server). */
    void closeConnection() {
        browser.script("if (window." + pc + ") { window." + pc + ".close(); }");
    }
}
