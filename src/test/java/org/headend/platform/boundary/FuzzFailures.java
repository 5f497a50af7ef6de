package org.headend.platform.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every failing call of a fuzz run, collected rather than stopping at the first, and reported
 * together (sorted, so a run with the same seed reads the same) with the seed that repeats them.
 * Checks run on several threads, hence the locks.
 */
final class FuzzFailures {

    private final long seed;
    private final List<String> failures = new ArrayList<>();
    private int calls;
    private int listenerFailures;

    FuzzFailures(long seed) {
        this.seed = seed;
    }

    synchronized void count() {
        calls++;
    }

    /** A call the HTTP listener failed on before the application ({@link FuzzChecks#isListenerFailure}). */
    synchronized void listenerFailure() {
        listenerFailures++;
    }

    synchronized void add(String failure) {
        failures.add(failure);
    }

    /** Fails with the seed and the first 60 failures; all of them go to target/fuzz-failures.txt. */
    synchronized void assertNone() {
        if (failures.isEmpty()) {
            return;
        }
        Collections.sort(failures);
        String summary = "Seed " + seed + " (-Dheadend.fuzz.seed=" + seed + "): " + failures.size() + " failures in "
                + calls + " calls (" + listenerFailures + " listener failures accepted):\n";
        try {
            Files.writeString(
                    Path.of("target", "fuzz-failures.txt"),
                    summary + String.join("\n", failures) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(summary + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
    }
}
