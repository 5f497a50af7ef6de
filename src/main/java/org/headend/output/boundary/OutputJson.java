package org.headend.output.boundary;

import java.time.Instant;
import org.headend.output.control.OutputUrl;
import org.headend.output.entity.Output;
import org.headend.output.entity.OutputStatus;

/** An output as the API shows it: the URL masked, with its live status. */
public record OutputJson(
        String id,
        String streamId,
        String name,
        String url,
        boolean enabled,
        String rendition,
        String state,
        Instant since,
        long bitrateKbps,
        long bytesSent,
        int restarts,
        String lastError) {

    static OutputJson of(Output output, OutputStatus status) {
        return new OutputJson(
                output.id(),
                output.streamId(),
                output.name(),
                OutputUrl.mask(output.url()),
                output.enabled(),
                output.rendition(),
                status.state().name(),
                status.since(),
                status.bitrateKbps(),
                status.bytesSent(),
                status.restarts(),
                status.lastError());
    }
}
