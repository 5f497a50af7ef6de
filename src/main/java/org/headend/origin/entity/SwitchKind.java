package org.headend.origin.entity;

/** Why playback moved to another origin. */
public enum SwitchKind {
    /** The first origin chosen for a stream: nothing was playing before. */
    INITIAL,
    /** The active origin failed. */
    FAILOVER,
    /** A preferred origin recovered and playback returned to it. */
    SWITCHBACK,
    /** An operator chose the origin. */
    MANUAL
}
