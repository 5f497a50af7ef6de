package org.headend.platform.process;

import java.time.Instant;

/**
 * A supervised process at one moment: on which host, which pid (null between runs), its state and
 * since when, how often it was restarted in all and in a row, and why it last ended.
 */
public record ProcessSnapshot(
        String host,
        Long pid,
        ProcessState state,
        Instant since,
        Instant startedAt,
        int restarts,
        int failuresInARow,
        String lastError) {}
