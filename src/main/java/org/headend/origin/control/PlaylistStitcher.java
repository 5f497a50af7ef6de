package org.headend.origin.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.headend.origin.control.MediaPlaylist.Segment;

/**
 * The live media playlist players are given: a sliding window of the active origin's segments,
 * numbered by its own media sequence that only ever rises, whichever origin the segments come
 * from. Where the source changes, the next segment carries {@code #EXT-X-DISCONTINUITY} (players
 * reset their decoder: timestamps and encoder differ), and the discontinuity sequence counts the
 * seams that have slid out of the window, as RFC 8216 6.2.2 asks.
 */
public final class PlaylistStitcher {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);
    // A new origin's segments that start this much before the end of the last one taken still
    // count as new: clocks of two packagers never agree to the millisecond.
    private static final Duration OVERLAP = Duration.ofMillis(500);

    private record Entry(double duration, String uri, Instant programDateTime, boolean discontinuity) {}

    private final int window;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long mediaSequence;
    private long discontinuitySequence;
    private String source;
    private long sourceSequence = -1;
    private int targetDuration = 1;

    public PlaylistStitcher(int window) {
        this(window, 0);
    }

    /** {@code firstSequence}: where the media sequence starts, above any players have seen before. */
    public PlaylistStitcher(int window, long firstSequence) {
        this.window = window;
        this.mediaSequence = firstSequence;
    }

    /**
     * Takes what is new in the playlist of {@code origin} (its segment URIs already as players
     * reach them); true when the stitched playlist changed.
     */
    public boolean update(String origin, MediaPlaylist playlist) {
        if (playlist.segments().isEmpty()) {
            return false;
        }
        targetDuration = Math.max(targetDuration, playlist.targetDuration());
        List<Segment> segments = playlist.segments();
        long newest = segments.get(segments.size() - 1).sequence();
        boolean seam = !origin.equals(source) || newest < sourceSequence;
        List<Segment> fresh = seam
                ? afterSeam(segments)
                : segments.stream().filter(s -> s.sequence() > sourceSequence).toList();
        if (fresh.isEmpty()) {
            return false;
        }
        for (int i = 0; i < fresh.size(); i++) {
            Segment s = fresh.get(i);
            boolean discontinuity = (i == 0 && seam && !entries.isEmpty()) || (i > 0 || !seam) && s.discontinuity();
            add(new Entry(s.duration(), s.uri(), s.programDateTime(), discontinuity));
        }
        source = origin;
        sourceSequence = newest;
        return true;
    }

    /**
     * From a new source, the segments that follow what players already have: by program date-time
     * where both sides write one, else only the newest segment (the live edge, as a new player would start).
     */
    private List<Segment> afterSeam(List<Segment> segments) {
        Entry last = entries.peekLast();
        Segment newest = segments.get(segments.size() - 1);
        if (last == null) {
            return segments;
        }
        if (last.programDateTime() != null && newest.programDateTime() != null) {
            Instant end = last.programDateTime()
                    .plusNanos((long) (last.duration() * 1e9))
                    .minus(OVERLAP);
            List<Segment> after = segments.stream()
                    .filter(s ->
                            s.programDateTime() != null && !s.programDateTime().isBefore(end))
                    .toList();
            if (!after.isEmpty()) {
                return after;
            }
        }
        return List.of(newest);
    }

    private void add(Entry entry) {
        entries.addLast(entry);
        while (entries.size() > window) {
            Entry dropped = entries.removeFirst();
            mediaSequence++;
            if (dropped.discontinuity()) {
                discontinuitySequence++;
            }
        }
        targetDuration = Math.max(targetDuration, (int) Math.ceil(entry.duration()));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public long mediaSequence() {
        return mediaSequence;
    }

    public String render() {
        var out = new StringBuilder(256 + entries.size() * 96);
        out.append("#EXTM3U\n#EXT-X-VERSION:3\n");
        out.append("#EXT-X-TARGETDURATION:").append(targetDuration).append('\n');
        out.append("#EXT-X-MEDIA-SEQUENCE:").append(mediaSequence).append('\n');
        out.append("#EXT-X-DISCONTINUITY-SEQUENCE:")
                .append(discontinuitySequence)
                .append('\n');
        for (Entry e : entries) {
            if (e.discontinuity()) {
                out.append("#EXT-X-DISCONTINUITY\n");
            }
            if (e.programDateTime() != null) {
                out.append("#EXT-X-PROGRAM-DATE-TIME:")
                        .append(DATE_TIME.format(e.programDateTime()))
                        .append('\n');
            }
            out.append(String.format(Locale.ROOT, "#EXTINF:%.6f,", e.duration()))
                    .append('\n');
            out.append(Objects.requireNonNull(e.uri())).append('\n');
        }
        return out.toString();
    }
}
