package org.headend.multicast.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.headend.multicast.control.MulticastStore;
import org.headend.multicast.control.Sessions;
import org.headend.multicast.entity.MulticastChannel;
import org.headend.platform.ApiException;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.Stream;

/**
 * The files players and set-top boxes open: one sender's SDP (as SAP announces it) and the
 * {@code .m3u} list of every sender, for the API and the console's session alike.
 */
@ApplicationScoped
public class MulticastFiles {

    public static final String SDP = "application/sdp";
    public static final String M3U = "audio/x-mpegurl";

    @Inject
    MulticastStore senders;

    @Inject
    StreamStore streams;

    public String sdp(MulticastChannel channel) {
        Stream stream = streams.find(channel.streamId()).orElseThrow(() -> ApiException.notFound("No such stream."));
        try {
            return Sessions.announcement(channel, stream.name(), Sessions.settings(channel))
                    .sdp();
        } catch (IOException e) {
            throw new ApiException(409, "Conflict", "The sender cannot be described: " + e.getMessage() + ".");
        }
    }

    public String sdp(String senderId) {
        return sdp(senders.find(senderId)
                .orElseThrow(() -> ApiException.notFound("No multicast sender with id '" + senderId + "'.")));
    }

    /** {@code #EXTINF:-1,<stream> <rendition>} then the receivers' URL, for every sender. */
    public String channelList() {
        Map<String, String> names =
                streams.all().stream().collect(Collectors.toMap(Stream::id, Stream::name, (a, b) -> a));
        var m3u = new StringBuilder("#EXTM3U\n");
        for (MulticastChannel channel : senders.all()) {
            String name = names.get(channel.streamId());
            if (name != null) {
                m3u.append("#EXTINF:-1,")
                        .append(Sessions.name(channel, name))
                        .append('\n')
                        .append(channel.receiverUrl())
                        .append('\n');
            }
        }
        return m3u.toString();
    }
}
