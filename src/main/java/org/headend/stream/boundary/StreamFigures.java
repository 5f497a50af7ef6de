package org.headend.stream.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.headend.stream.entity.InputInfo;
import org.headend.stream.entity.StreamStatus;
import org.headend.stream.entity.TranscoderStatus;

/** A live stream's figures as the console shows them: one flat map, for the page and for push. */
final class StreamFigures {

    private StreamFigures() {}

    /** {@code viewers} counts players now reading the stream's playlists; shown only while it is on air. */
    static Map<String, Object> of(StreamStatus status, Instant now, int viewers) {
        InputInfo input = status.input() == null ? InputInfo.UNKNOWN : status.input();
        TranscoderStatus transcoder = status.transcoder();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("id", status.id());
        figures.put("name", status.name());
        figures.put("state", status.state().name());
        figures.put("input", describe(input));
        figures.put("kbps", input.bitrateKbps());
        figures.put("videoKbps", input.videoKbps());
        figures.put("speed", transcoder.running() ? String.format("%.2fx", transcoder.speed()) : "");
        figures.put("viewers", status.since() == null ? "" : Integer.toString(viewers));
        figures.put("uptime", status.since() == null ? "" : uptime(Duration.between(status.since(), now)));
        return figures;
    }

    static String describe(InputInfo input) {
        if (input.videoCodec() == null && !input.knowsSize()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        text.append(input.videoCodec() == null ? "?" : input.videoCodec());
        if (input.knowsSize()) {
            text.append(' ').append(input.width()).append('x').append(input.height());
        }
        if (input.frameRate() > 0) {
            text.append(String.format(" %.0ffps", input.frameRate()));
        }
        if (input.audioCodec() != null) {
            text.append(" + ").append(input.audioCodec());
        }
        if (input.bitrateKbps() > 0) {
            text.append(", ").append(input.bitrateKbps()).append(" kb/s");
        }
        return text.toString();
    }

    static String uptime(Duration up) {
        long s = Math.max(0, up.toSeconds());
        return s >= 3600
                ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format("%dm%02ds", s / 60, s % 60);
    }
}
