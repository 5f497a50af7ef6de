package org.headend.origin.control;

/**
 * The hysteresis of failover: bad probes in a row before an origin is down, good probes in a row
 * before a down origin is up again, and whether playback returns to a preferred origin by itself.
 */
public record FailoverRules(int failAfter, int recoverAfter, boolean autoSwitchback) {

    public FailoverRules {
        if (failAfter < 1 || recoverAfter < 1) {
            throw new IllegalStateException("headend.origins.fail-after and recover-after must be at least 1, not "
                    + failAfter + " and " + recoverAfter);
        }
    }
}
