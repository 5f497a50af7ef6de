package org.headend.platform.process;

import java.time.Duration;

/**
 * How a supervised process comes back after it ended on its own: after a delay from the backoff
 * that grows with each failure in a row; a run that made progress for {@code healthyRun} counts as
 * healthy and starts the row anew (zero: any progress does). After {@code maxAttempts} failures in
 * a row it is given up; zero means never.
 */
public record RestartPolicy(Backoff backoff, Duration healthyRun, int maxAttempts) {

    public static final Duration DEFAULT_HEALTHY_RUN = Duration.ofSeconds(60);

    public RestartPolicy {
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be 0 or more");
        }
    }

    public static RestartPolicy always(Backoff backoff) {
        return new RestartPolicy(backoff, DEFAULT_HEALTHY_RUN, 0);
    }

    boolean givesUpAfter(int failuresInARow) {
        return maxAttempts > 0 && failuresInARow > maxAttempts;
    }
}
