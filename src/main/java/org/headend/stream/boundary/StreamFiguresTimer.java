package org.headend.stream.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.headend.stream.control.Audience;
import org.headend.stream.control.BitrateHistory;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.StreamStatus;

/**
 * Once a second while any stream is live: records each input's bitrate for the charts and pushes
 * the live figures to open console pages. The browser never polls.
 */
@Singleton
public class StreamFiguresTimer {

    @Inject
    LiveStreams live;

    @Inject
    Audience viewers;

    @Inject
    BitrateHistory history;

    @Inject
    StreamPush push;

    private boolean sentEmpty = true;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void tick() {
        List<StreamStatus> streams = live.all();
        history.retainOnly(streams.stream().map(StreamStatus::id).collect(Collectors.toSet()));
        if (streams.isEmpty() && sentEmpty) {
            return;
        }
        Instant now = Instant.now();
        streams.forEach(
                s -> history.record(s.id(), s.input() == null ? 0 : s.input().bitrateKbps(), now));
        List<Map<String, Object>> figures = streams.stream()
                .map(s -> StreamFigures.of(s, now, viewers.viewers(s.name())))
                .toList();
        push.figures(figures, live.count(StreamState.LIVE), live.count(StreamState.ERROR));
        sentEmpty = streams.isEmpty();
    }
}
