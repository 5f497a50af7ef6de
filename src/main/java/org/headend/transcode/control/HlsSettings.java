package org.headend.transcode.control;

/** How HLS is cut: segment length in seconds and how many segments a media playlist keeps. */
public record HlsSettings(int segmentSeconds, int listSize) {}
