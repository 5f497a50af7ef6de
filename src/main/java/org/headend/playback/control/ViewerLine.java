package org.headend.playback.control;

import java.util.Optional;

/**
 * One playlist request as nginx sends it over syslog: {@code <PRI>date headend: stream client
 * token agent}. The viewer is the client address, the token (a signature, "-" on public paths)
 * and the user agent together: readers sharing one address and one URL count once.
 */
public record ViewerLine(String stream, String viewer) {

    private static final String TAG = "headend: ";

    public static Optional<ViewerLine> parse(String datagram) {
        int start = datagram.indexOf(TAG);
        if (start < 0) {
            return Optional.empty();
        }
        String[] fields = datagram.substring(start + TAG.length()).strip().split(" ", 2);
        if (fields.length < 2 || fields[0].isEmpty() || fields[0].equals("-")) {
            return Optional.empty();
        }
        return Optional.of(new ViewerLine(fields[0], fields[1]));
    }
}
