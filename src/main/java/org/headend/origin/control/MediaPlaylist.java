package org.headend.origin.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a probe needs of an HLS playlist: for a media playlist its media sequence, target duration
 * and segments (with their program date-time where the origin writes one); for a master playlist
 * its variants, to be fetched instead.
 */
public record MediaPlaylist(
        long mediaSequence, int targetDuration, List<Segment> segments, boolean ended, List<Variant> variants) {

    public MediaPlaylist {
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** One segment, numbered with the media sequence it has in its origin's playlist. */
    public record Segment(long sequence, double duration, String uri, Instant programDateTime, boolean discontinuity) {

        public Segment withUri(String newUri) {
            return new Segment(sequence, duration, newUri, programDateTime, discontinuity);
        }
    }

    public static MediaPlaylist parse(String text) {
        if (text == null || !text.stripLeading().startsWith("#EXTM3U")) {
            throw new IllegalArgumentException("not an HLS playlist (no #EXTM3U)");
        }
        long sequence = 0;
        int target = 0;
        boolean ended = false;
        String variantAttributes = null;
        List<Variant> variants = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        Double duration = null;
        Instant dateTime = null;
        boolean discontinuity = false;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                sequence = Long.parseLong(value(line));
            } else if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                target = Integer.parseInt(value(line));
            } else if (line.startsWith("#EXT-X-PROGRAM-DATE-TIME:")) {
                dateTime = dateTime(value(line));
            } else if (line.equals("#EXT-X-DISCONTINUITY")) {
                discontinuity = true;
            } else if (line.equals("#EXT-X-ENDLIST")) {
                ended = true;
            } else if (line.startsWith("#EXTINF:")) {
                String d = value(line);
                int comma = d.indexOf(',');
                duration = Double.parseDouble(comma < 0 ? d : d.substring(0, comma));
            } else if (line.startsWith("#EXT-X-STREAM-INF:")) {
                variantAttributes = value(line);
            } else if (!line.startsWith("#")) {
                if (variantAttributes != null) {
                    variants.add(new Variant(line, variantAttributes));
                    variantAttributes = null;
                } else if (duration != null) {
                    if (dateTime == null && !segments.isEmpty()) {
                        dateTime = extrapolated(segments.get(segments.size() - 1));
                    }
                    segments.add(new Segment(sequence + segments.size(), duration, line, dateTime, discontinuity));
                    duration = null;
                    dateTime = null;
                    discontinuity = false;
                }
            }
        }
        return new MediaPlaylist(sequence, target, List.copyOf(segments), ended, List.copyOf(variants));
    }

    public boolean isMaster() {
        return !variants.isEmpty() && segments.isEmpty();
    }

    /** The URI of a master playlist's first variant, null for a media playlist. */
    public String firstVariant() {
        return variants.isEmpty() ? null : variants.get(0).uri();
    }

    /** The media sequence of the newest segment: it rises by one with every segment the origin adds. */
    public Optional<Long> newestSequence() {
        return segments.isEmpty()
                ? Optional.empty()
                : Optional.of(segments.get(segments.size() - 1).sequence());
    }

    // A date-time applies to its segment; the ones after it follow by their durations (RFC 8216 4.4.4.6).
    private static Instant extrapolated(Segment previous) {
        return previous.programDateTime() == null
                ? null
                : previous.programDateTime().plusNanos((long) (previous.duration() * 1e9));
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).strip();
    }

    // An unreadable date-time only costs the alignment across a switch, never the playlist.
    private static Instant dateTime(String text) {
        try {
            return OffsetDateTime.parse(text.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2"))
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
