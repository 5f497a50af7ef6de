package org.headend.transcode.boundary;

import java.util.List;
import org.headend.transcode.entity.Ladder;
import org.headend.transcode.entity.Rendition;

/** A ladder as the API shows it. */
public record LadderJson(String name, boolean builtIn, boolean passthrough, List<RenditionJson> renditions) {

    public record RenditionJson(
            String name,
            int width,
            int height,
            int videoKbps,
            int audioKbps,
            int maxFps,
            String profile,
            String preset,
            String encoder) {

        static RenditionJson of(Rendition r) {
            return new RenditionJson(
                    r.name(),
                    r.width(),
                    r.height(),
                    r.videoKbps(),
                    r.audioKbps(),
                    r.maxFps(),
                    r.profile(),
                    r.preset(),
                    r.encoder());
        }
    }

    public static LadderJson of(Ladder ladder) {
        return new LadderJson(
                ladder.name(),
                ladder.builtIn(),
                ladder.passthrough(),
                ladder.renditions().stream().map(RenditionJson::of).toList());
    }
}
