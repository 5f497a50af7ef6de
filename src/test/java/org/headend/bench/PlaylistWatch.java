package org.headend.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.headend.testing.Api;
import org.headend.testing.Await;

/**
 * A player's view of a live media playlist for the failover bench: fetched every 50 ms, and every
 * moment its newest segment changed recorded with the segment's URI, so that the time until a
 * backup's segment is offered, and the longest time the newest segment stood still, can be read
 * off afterwards.
 */
final class PlaylistWatch implements AutoCloseable {

    record Change(long nanos, String uri) {}

    private final String url;
    private final List<Change> changes = new ArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "playlist-watch");
        t.setDaemon(true);
        return t;
    });

    PlaylistWatch(String url) {
        this.url = url;
        poller.scheduleAtFixedRate(this::poll, 0, 50, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            var reply = Api.fetch(url);
            if (reply.status() != 200) {
                return;
            }
            String newest = reply.body()
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .reduce((a, b) -> b)
                    .orElse(null);
            long now = System.nanoTime();
            synchronized (changes) {
                if (newest != null
                        && (changes.isEmpty()
                                || !changes.get(changes.size() - 1).uri().equals(newest))) {
                    changes.add(new Change(now, newest));
                }
            }
        } catch (RuntimeException e) {
            // A fetch that fails is a poll without news, as for a player that retries.
        }
    }

    /** The newest segment's URI offered now (as of the last poll), or "" before the first. */
    String newest() {
        synchronized (changes) {
            return changes.isEmpty() ? "" : changes.get(changes.size() - 1).uri();
        }
    }

    /** Waits for the {@code n}-th change at or after {@code from} whose URI matches; its time. */
    long awaitChange(String what, long from, int n, Predicate<String> uri, Duration deadline) {
        return Await.until(what, deadline, () -> {
            synchronized (changes) {
                int seen = 0;
                for (Change c : changes) {
                    if (c.nanos() >= from && uri.test(c.uri()) && ++seen == n) {
                        return c.nanos();
                    }
                }
                return null;
            }
        });
    }

    /**
     * The longest time the newest segment stood still between the last change before {@code from}
     * and the change at {@code to}, in milliseconds.
     */
    long longestStillMillis(long from, long to) {
        synchronized (changes) {
            long previous = changes.stream()
                    .mapToLong(Change::nanos)
                    .filter(t -> t < from)
                    .max()
                    .orElse(from);
            long longest = 0;
            for (Change c : changes) {
                if (c.nanos() > previous && c.nanos() <= to) {
                    longest = Math.max(longest, c.nanos() - previous);
                    previous = c.nanos();
                }
            }
            return longest / 1_000_000;
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
