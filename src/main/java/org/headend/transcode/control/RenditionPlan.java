package org.headend.transcode.control;

import java.util.ArrayList;
import java.util.List;
import org.headend.stream.entity.InputInfo;
import org.headend.stream.entity.RenditionStatus;
import org.headend.transcode.entity.Ladder;
import org.headend.transcode.entity.Rendition;

/**
 * What a ladder becomes for one source: renditions taller than the source are skipped (upscaling
 * wastes bits and shows nothing more), and said so in the status. A source smaller than every
 * rendition still gets the lowest one, at the source's own size.
 */
public record RenditionPlan(boolean passthrough, List<Rendition> encoded, List<RenditionStatus> statuses) {

    public static RenditionPlan of(Ladder ladder, InputInfo input) {
        if (ladder.passthrough()) {
            return new RenditionPlan(true, List.of(), List.of(RenditionStatus.copyOf(input)));
        }
        List<Rendition> encoded = new ArrayList<>();
        List<RenditionStatus> statuses = new ArrayList<>();
        for (Rendition r : ladder.renditions()) {
            if (input.knowsSize() && r.height() > input.height()) {
                statuses.add(status(
                        r,
                        RenditionStatus.SKIPPED,
                        "source is " + input.width() + "x" + input.height() + ", smaller than this rendition"));
            } else {
                encoded.add(r);
                statuses.add(status(r, RenditionStatus.ACTIVE, null));
            }
        }
        if (encoded.isEmpty()) {
            Rendition lowest = ladder.renditions().stream()
                    .min((a, b) -> Integer.compare(a.height(), b.height()))
                    .orElseThrow();
            Rendition fitted = lowest.resizedTo(even(input.width()), even(input.height()));
            encoded.add(fitted);
            statuses.replaceAll(s -> s.name().equals(lowest.name())
                    ? status(
                            fitted,
                            RenditionStatus.ACTIVE,
                            "source smaller than every rendition: encoded at source size")
                    : s);
        }
        return new RenditionPlan(false, List.copyOf(encoded), List.copyOf(statuses));
    }

    private static int even(int size) {
        return Math.max(2, size - size % 2);
    }

    private static RenditionStatus status(Rendition r, String state, String reason) {
        return new RenditionStatus(r.name(), r.width(), r.height(), r.videoKbps(), state, reason);
    }

    /** The variant names in the order ffmpeg writes them. */
    public List<String> variantNames() {
        return passthrough
                ? List.of("source")
                : encoded.stream().map(Rendition::name).toList();
    }
}
