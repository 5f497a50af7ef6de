package org.headend.stream.entity;

import java.time.Instant;
import java.util.List;

/** A snapshot of a stream's runtime state, as the status API shows it. */
public record StreamStatus(
        String id,
        String name,
        StreamState state,
        Instant since,
        InputInfo input,
        List<RenditionStatus> renditions,
        TranscoderStatus transcoder) {}
