package org.headend.stream.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.headend.stream.control.Audience;
import org.headend.stream.control.BitrateHistory;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.StreamState;

/** The dashboard: every stream with its live figures; push keeps the page current afterwards. */
@Named
@RequestScoped
public class DashboardView {

    @Inject
    StreamStore streams;

    @Inject
    LiveStreams live;

    @Inject
    Audience viewers;

    @Inject
    BitrateHistory history;

    private List<Map<String, Object>> rows;

    public List<Map<String, Object>> getRows() {
        if (rows == null) {
            Instant now = Instant.now();
            rows = streams.all().stream()
                    .map(s -> StreamFigures.of(live.status(s.id(), s.name()), now, viewers.viewers(s.name())))
                    .toList();
        }
        return rows;
    }

    /** The chart's samples as {@code "epochSecond:kbps,..."}, read by console.js. */
    public String history(String streamId) {
        return history.samples(streamId).stream()
                .map(s -> s.epochSecond() + ":" + s.kbps())
                .collect(Collectors.joining(","));
    }

    public long getLiveCount() {
        return live.count(StreamState.LIVE);
    }

    public long getErrorCount() {
        return live.count(StreamState.ERROR);
    }

    public int getTotal() {
        return getRows().size();
    }
}
