package org.headend.playback.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Concurrent viewers per stream: those who fetched a playlist within the window. Players reload
 * a live playlist every target duration, so a window of a few target durations keeps a watching
 * player counted and lets one that stopped drop out soon after.
 */
public class ViewerCount {

    private final Duration window;
    private final Map<String, Map<String, Instant>> seen = new ConcurrentHashMap<>();

    public ViewerCount(Duration window) {
        this.window = window;
    }

    public void saw(ViewerLine line, Instant at) {
        seen.computeIfAbsent(line.stream(), s -> new ConcurrentHashMap<>()).put(line.viewer(), at);
    }

    public int of(String stream, Instant now) {
        Map<String, Instant> viewers = seen.get(stream);
        if (viewers == null) {
            return 0;
        }
        Instant oldest = now.minus(window);
        viewers.values().removeIf(at -> at.isBefore(oldest));
        return viewers.size();
    }

    public void forget(String stream) {
        seen.remove(stream);
    }
}
