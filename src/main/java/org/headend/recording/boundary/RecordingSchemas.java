package org.headend.recording.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The recordings listing as the OpenAPI document describes it: a page of one type, for clients. */
final class RecordingSchemas {

    private RecordingSchemas() {}

    @Schema(name = "RecordingPage", description = "One page of recordings, newest first")
    record Page(List<RecordingJson> items, int page, int size, long total) {}
}
