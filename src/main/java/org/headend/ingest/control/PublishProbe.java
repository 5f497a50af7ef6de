package org.headend.ingest.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Logger;
import org.headend.stream.entity.InputInfo;

/**
 * Watches nginx-rtmp's statistics around a new publisher: until its packagers are listed as
 * players, and until the input's size is known. nginx-rtmp sends no event for either, so it polls,
 * and every wait is bounded.
 */
@ApplicationScoped
public class PublishProbe {

    private static final Logger LOG = Logger.getLogger(PublishProbe.class.getName());
    private static final Duration PLAYERS_EVERY = Duration.ofMillis(20);
    private static final Duration INPUT_EVERY = Duration.ofMillis(200);
    private static final Duration CLOCK_MARGIN = Duration.ofMillis(100);

    @Inject
    NginxClient nginx;

    /**
     * True once nginx-rtmp lists at least {@code count} players of the stream that connected since
     * this wait began, false after {@code within}. Older players (a previous session's ffmpeg still
     * ending, a thumbnail grab, an output) do not count.
     */
    public boolean awaitPlayers(String name, int count, Duration within) {
        long began = System.nanoTime();
        long deadline = began + within.toNanos();
        do {
            try {
                // Plus a margin for nginx's clock, which it reads once per event loop round.
                Duration joined = Duration.ofNanos(System.nanoTime() - began).plus(CLOCK_MARGIN);
                if (nginx.players(joined).getOrDefault(name, 0) >= count) {
                    return true;
                }
            } catch (IOException e) {
                LOG.fine(() -> "nginx-rtmp statistics not readable: " + e.getMessage());
            }
        } while (System.nanoTime() < deadline && pause(PLAYERS_EVERY));
        return false;
    }

    /** The input once nginx-rtmp reports its size; after {@code within}, what it reported last. */
    public InputInfo awaitInput(String name, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        InputInfo latest = InputInfo.UNKNOWN;
        do {
            try {
                latest = nginx.published().getOrDefault(name, InputInfo.UNKNOWN);
                if (latest.knowsSize()) {
                    return latest;
                }
            } catch (IOException e) {
                LOG.fine(() -> "nginx-rtmp statistics not readable yet: " + e.getMessage());
            }
        } while (System.nanoTime() < deadline && pause(INPUT_EVERY));
        return latest;
    }

    private static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
