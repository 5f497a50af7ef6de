package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether a local TCP port is listening, read from the kernel's socket table: for servers that
 * take a single connection, which a probing connect would use up.
 */
public final class ListeningPorts {

    private static final String LISTEN = "0A";

    private ListeningPorts() {}

    public static boolean tcp(int port) {
        String local = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try {
                boolean listening = Files.readAllLines(Path.of(table)).stream()
                        .skip(1)
                        .map(line -> line.trim().split("\\s+"))
                        .anyMatch(f -> f.length > 3 && f[1].endsWith(local) && f[3].equals(LISTEN));
                if (listening) {
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }
}
