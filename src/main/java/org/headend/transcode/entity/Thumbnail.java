package org.headend.transcode.entity;

import java.time.Instant;

/** A JPEG frame of a live stream and when it was written. Read whole: a few kilobytes at most. */
public record Thumbnail(byte[] jpeg, Instant takenAt) {}
