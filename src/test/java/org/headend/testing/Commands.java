package org.headend.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the short system commands the host fixtures need ({@code ip}, {@code ssh-keygen},
 * {@code useradd}, {@code kill}) and fails with their output, so a broken setup says why.
 */
final class Commands {

    private Commands() {}

    static String run(String... command) {
        return run(List.of(command));
    }

    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** For clean-up: what is already gone needs no deleting, and the next step still runs. */
    static void quietly(String... command) {
        try {
            run(command);
        } catch (RuntimeException alreadyGone) {
            // Nothing left to do.
        }
    }
}
