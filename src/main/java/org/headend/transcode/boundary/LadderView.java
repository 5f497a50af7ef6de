package org.headend.transcode.boundary;

import java.util.List;
import org.headend.transcode.entity.Ladder;
import org.headend.transcode.entity.Rendition;

/** A ladder as the API shows it. */
public record LadderView(String name, boolean builtIn, boolean passthrough, List<RenditionView> renditions) {

    public record RenditionView(
            String name,
            int width,
            int height,
            int videoKbps,
            int audioKbps,
            int maxFps,
            String profile,
            String preset) {

        static RenditionView of(Rendition r) {
            return new RenditionView(
                    r.name(), r.width(), r.height(), r.videoKbps(), r.audioKbps(), r.maxFps(), r.profile(), r.preset());
        }
    }

    public static LadderView of(Ladder ladder) {
        return new LadderView(
                ladder.name(),
                ladder.builtIn(),
                ladder.passthrough(),
                ladder.renditions().stream().map(RenditionView::of).toList());
    }
}
