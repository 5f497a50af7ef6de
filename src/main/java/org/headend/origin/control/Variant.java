package org.headend.origin.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One variant of a master playlist: its URI and the attributes of its {@code #EXT-X-STREAM-INF}
 * line, from which its bandwidth and picture height are read for matching variants of two origins.
 */
public record Variant(String uri, String attributes) {

    private static final Pattern BANDWIDTH = Pattern.compile("(?:^|,)BANDWIDTH=(\\d+)");
    private static final Pattern RESOLUTION = Pattern.compile("(?:^|,)RESOLUTION=(\\d+)x(\\d+)");
    // Attributes that name groups of other playlists (audio, subtitles): the stitched master
    // carries none of those groups, and a player would fail looking for them.
    private static final Pattern GROUPS =
            Pattern.compile("(?:^|,)(?:AUDIO|VIDEO|SUBTITLES|CLOSED-CAPTIONS)=(\"[^\"]*\"|[^,]*)");

    public long bandwidth() {
        Matcher m = BANDWIDTH.matcher(attributes);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** The picture height, 0 where the origin does not say. */
    public int height() {
        Matcher m = RESOLUTION.matcher(attributes);
        return m.find() ? Integer.parseInt(m.group(2)) : 0;
    }

    /** The attributes a stitched master can carry: without group references, and with a bandwidth. */
    public String standaloneAttributes() {
        String kept = GROUPS.matcher(attributes).replaceAll("").replaceFirst("^,", "");
        return bandwidth() > 0 ? kept : kept.isEmpty() ? "BANDWIDTH=2000000" : "BANDWIDTH=2000000," + kept;
    }
}
