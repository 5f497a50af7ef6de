package org.headend.webrtc.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether a local UDP port is bound, read from the kernel's socket tables (Linux): a bind of our
 * own to test it could take the port from the program about to open it.
 */
final class UdpSockets {

    private UdpSockets() {}

    static boolean bound(int port) {
        String needle = ":" + String.format(Locale.ROOT, "%04X", port) + " ";
        return listed(Path.of("/proc/net/udp"), needle) || listed(Path.of("/proc/net/udp6"), needle);
    }

    private static boolean listed(Path table, String needle) {
        try (var lines = Files.lines(table)) {
            // Each line: "sl local_address rem_address ..."; the local address is the second field.
            return lines.skip(1)
                    .map(String::strip)
                    .map(l -> l.split("\\s+"))
                    .anyMatch(f -> f.length > 1 && (f[1] + " ").endsWith(needle));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
