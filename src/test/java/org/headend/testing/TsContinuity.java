package org.headend.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts MPEG-TS continuity-counter errors, as a receiver's demuxer would report them: per PID,
 * each packet with payload must carry the previous counter plus one (mod 16); a repeated counter
 * (a legal duplicate) and the first packet of each PID are accepted.
 */
public final class TsContinuity {

    private TsContinuity() {}

    public record Result(long packets, long errors, String firstError) {}

    public static Result check(List<byte[]> tsChunks) {
        Map<Integer, Integer> last = new HashMap<>();
        long packets = 0;
        long errors = 0;
        String first = null;
        for (byte[] chunk : tsChunks) {
            for (int at = 0; at + 188 <= chunk.length; at += 188) {
                if (chunk[at] != 0x47) {
                    errors++;
                    first = first == null ? "lost sync at packet " + packets : first;
                    continue;
                }
                packets++;
                int pid = ((chunk[at + 1] & 0x1f) << 8) | (chunk[at + 2] & 0xff);
                int control = (chunk[at + 3] >> 4) & 0x3;
                int counter = chunk[at + 3] & 0x0f;
                boolean payload = (control & 0x1) != 0;
                boolean discontinuity =
                        (control & 0x2) != 0 && (chunk[at + 4] & 0xff) > 0 && (chunk[at + 5] & 0x80) != 0;
                if (pid == 0x1fff || !payload) {
                    continue;
                }
                Integer before = last.put(pid, counter);
                if (before != null && !discontinuity && counter != before && counter != ((before + 1) & 0xf)) {
                    errors++;
                    if (first == null) {
                        first = "PID " + pid + " counter " + before + " then " + counter + " at packet " + packets;
                    }
                }
            }
        }
        return new Result(packets, errors, first);
    }
}
