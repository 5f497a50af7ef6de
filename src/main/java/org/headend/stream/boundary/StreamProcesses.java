package org.headend.stream.boundary;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.headend.platform.process.ProcessPart;

/** The processes of a stream's work, as the API and the console show them. */
@Schema(name = "StreamProcesses")
public record StreamProcesses(List<Item> items) {

    public static StreamProcesses of(List<ProcessPart> parts) {
        return new StreamProcesses(parts.stream().map(Item::of).toList());
    }

    @Schema(name = "StreamProcess")
    public record Item(
            @Schema(
                            required = true,
                            enumeration = {
                                "packager",
                                "backup-packager",
                                "output",
                                "recording",
                                "relay",
                                "multicast-source",
                                "webrtc-bridge"
                            })
                    String role,
            @Schema(required = true, description = "Where it runs: local for this node") String host,
            @Schema(description = "null between a run's end and its restart") Long pid,
            @Schema(
                            required = true,
                            enumeration = {"STARTING", "RUNNING", "RESTARTING", "FAILED", "STOPPED"})
                    String state,
            @Schema(
                            required = true,
                            type = SchemaType.STRING,
                            format = "date-time",
                            description = "Since when in this state")
                    Instant since,
            @Schema(required = true, description = "How often it was restarted since the stream went live")
                    int restarts,
            @Schema(description = "Why it last ended; secrets masked") String lastError,
            @Schema(description = "Which part of the stream it is, e.g. output-<id>") String label) {

        static Item of(ProcessPart part) {
            var s = part.snapshot();
            return new Item(
                    part.role(),
                    s.host(),
                    s.pid(),
                    s.state().name(),
                    s.since(),
                    s.restarts(),
                    s.lastError(),
                    part.label());
        }
    }
}
