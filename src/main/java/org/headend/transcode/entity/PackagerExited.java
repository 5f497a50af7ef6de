package org.headend.transcode.entity;

/**
 * A stream's packager ffmpeg ended while the stream was live ({@code backup} tells which of a
 * redundant pair): whoever plays from it must not wait for its playlist to age.
 */
public record PackagerExited(String streamId, String name, boolean backup) {}
