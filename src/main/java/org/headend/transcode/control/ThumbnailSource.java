package org.headend.transcode.control;

/**
 * Where a live stream's thumbnail comes from: the transcoder writes it, or, for a passthrough
 * ladder that decodes nothing, it is grabbed from {@code inputUrl}.
 */
public record ThumbnailSource(boolean grabbed, String inputUrl) {}
