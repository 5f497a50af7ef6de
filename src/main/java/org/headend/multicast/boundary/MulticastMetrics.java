package org.headend.multicast.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.headend.multicast.control.MulticastSupervisor;
import org.headend.multicast.entity.MulticastFigures;
import org.headend.multicast.entity.MulticastState;
import org.headend.multicast.entity.MulticastStateChanged;
import org.headend.multicast.entity.MulticastStatus;

/**
 * {@code headend_multicast_senders{state}}: running senders by state. Per running sender (labels
 * {@code stream}, the public name, and {@code sender}, its {@code group:port}): packets, bytes and
 * source restarts as counters, the rate (bytes per second), inter-packet gap jitter and PCR drift
 * as gauges; its series
 * go when it stops.
 */
@ApplicationScoped
public class MulticastMetrics {

    private static final Metadata PACKETS = meta("headend_multicast_packets", "Datagrams sent to the group");
    private static final Metadata BYTES = meta("headend_multicast_bytes", "Bytes sent to the group (UDP payload)");
    private static final Metadata RESTARTS =
            meta("headend_multicast_source_restarts", "Times the sender's source ffmpeg was started again");
    private static final Metadata BITRATE = meta(
            "headend_multicast_bytes_per_second",
            "Bytes per second on the wire (in bytes, the base unit promtool asks for; times 8 for the bitrate)");
    private static final Metadata JITTER =
            meta("headend_multicast_jitter_seconds", "Jitter of the gaps between datagrams against the PCR schedule");
    private static final Metadata DRIFT =
            meta("headend_multicast_pcr_drift_seconds", "How far the wire clock runs from the stream's PCR");
    private static final Metadata[] ALL = {PACKETS, BYTES, RESTARTS, BITRATE, JITTER, DRIFT};

    @Inject
    MetricRegistry metrics;

    @Inject
    MulticastSupervisor supervisor;

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    private static final class Seen {
        final Tag[] tags;
        long packets;
        long bytes;
        long restarts;

        Seen(Tag[] tags) {
            this.tags = tags;
        }
    }

    private static Metadata meta(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        var senders = meta("headend_multicast_senders", "Running multicast senders, by state");
        for (MulticastState state :
                new MulticastState[] {MulticastState.STARTING, MulticastState.LIVE, MulticastState.RETRYING}) {
            metrics.gauge(senders, supervisor, s -> s.count(state), new Tag("state", state.name()));
        }
    }

    void figures(@Observes MulticastFigures figures) {
        MulticastStatus status = figures.status();
        // A sender stopped while its last figures were on their way must not get its series back.
        if (status.state() == MulticastState.WAITING
                || supervisor.status(figures.senderId()).state() == MulticastState.WAITING) {
            return;
        }
        Seen s = seen.computeIfAbsent(figures.senderId(), id -> registerSender(id, figures));
        synchronized (s) {
            s.packets = advance(PACKETS, s, s.packets, status.packets());
            s.bytes = advance(BYTES, s, s.bytes, status.bytes());
            s.restarts = advance(RESTARTS, s, s.restarts, status.sourceRestarts());
        }
    }

    private long advance(Metadata counter, Seen s, long before, long now) {
        // A sender started again counts from zero: what it sent since is new.
        long delta = now >= before ? now - before : now;
        if (delta > 0) {
            metrics.counter(counter, s.tags).inc(delta);
        }
        return now;
    }

    private Seen registerSender(String senderId, MulticastFigures figures) {
        Tag[] tags = {new Tag("stream", figures.streamName()), new Tag("sender", figures.destination())};
        metrics.counter(PACKETS, tags);
        metrics.counter(BYTES, tags);
        metrics.counter(RESTARTS, tags);
        metrics.gauge(BITRATE, supervisor, m -> m.status(senderId).bitrateBitsPerSecond() / 8, tags);
        metrics.gauge(JITTER, supervisor, m -> m.status(senderId).jitterMillis() / 1000.0, tags);
        metrics.gauge(DRIFT, supervisor, m -> m.status(senderId).pcrDriftMillis() / 1000.0, tags);
        return new Seen(tags);
    }

    void stateChanged(@Observes MulticastStateChanged change) {
        if (change.to() != MulticastState.WAITING) {
            return;
        }
        Seen s = seen.remove(change.senderId());
        if (s != null) {
            for (Metadata metric : ALL) {
                metrics.remove(new MetricID(metric.getName(), s.tags));
            }
        }
    }
}
