package org.headend.multicast.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.headend.multicast.control.SenderRules;
import org.headend.multicast.entity.MulticastChannel;
import org.headend.multicast.entity.MulticastStatus;

/**
 * A multicast sender as the API shows it: where it sends, the receivers' URL, the link to its SDP,
 * and its live figures (counted since it last started).
 */
public record MulticastJson(
        String id,
        String streamId,
        String group,
        int port,
        int ttl,
        @JsonbProperty("interface") @Schema(name = "interface") String networkInterface,
        String rendition,
        String format,
        boolean announce,
        String url,
        String sdpUrl,
        Instant createdAt,
        String state,
        Instant since,
        long packets,
        long bytes,
        long bitrateBitsPerSecond,
        double jitterMillis,
        double pcrDriftMillis,
        long sourceRestarts,
        Instant lastSentAt,
        String lastError) {

    static MulticastJson of(MulticastChannel channel, MulticastStatus status, String sdpUrl) {
        return new MulticastJson(
                channel.id(),
                channel.streamId(),
                channel.destination().group(),
                channel.destination().port(),
                channel.ttl(),
                channel.networkInterface(),
                channel.rendition(),
                SenderRules.name(channel.format()),
                channel.announce(),
                channel.receiverUrl(),
                sdpUrl,
                channel.createdAt(),
                status.state().name(),
                status.since(),
                status.packets(),
                status.bytes(),
                Math.round(status.bitrateBitsPerSecond()),
                round(status.jitterMillis()),
                round(status.pcrDriftMillis()),
                status.sourceRestarts(),
                status.lastSentAt(),
                status.lastError());
    }

    private static double round(double millis) {
        return Double.isFinite(millis) ? Math.round(millis * 1000) / 1000.0 : 0;
    }
}
