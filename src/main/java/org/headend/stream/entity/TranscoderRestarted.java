package org.headend.stream.entity;

/** Fired when a stream's transcoder died while its publisher was still live and is started again. */
public record TranscoderRestarted(String streamId, String name, int restarts, String reason) {}
