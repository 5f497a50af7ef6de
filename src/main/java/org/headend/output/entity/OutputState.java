package org.headend.output.entity;

/** Where a restream output stands. */
public enum OutputState {
    /** Switched off by an operator. */
    DISABLED,
    /** Enabled, waiting for its stream to go live. */
    WAITING,
    /** Its ffmpeg is starting and reaching the destination. */
    CONNECTING,
    /** Sending to the destination. */
    LIVE,
    /** Lost the destination; trying again with backoff. */
    RETRYING,
    /** Gave up after {@code headend.output.retry.attempts}, or cannot work as configured. */
    FAILED
}
