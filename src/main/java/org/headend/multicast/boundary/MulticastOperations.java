package org.headend.multicast.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.headend.audit.boundary.Actors;
import org.headend.audit.control.Audit;
import org.headend.multicast.control.MulticastDestinations;
import org.headend.multicast.control.MulticastStore;
import org.headend.multicast.control.MulticastSupervisor;
import org.headend.multicast.control.SenderRules;
import org.headend.multicast.entity.GroupEndpoint;
import org.headend.multicast.entity.MulticastChannel;
import org.headend.multicast.entity.MulticastFormat;
import org.headend.output.boundary.OutputOperations;
import org.headend.platform.AfterCommit;
import org.headend.platform.ApiException;
import org.headend.stream.entity.Stream;

/**
 * Adding and removing a stream's multicast senders, for the API and the console alike: every field
 * is checked before anything is stored or started, a group and port already carrying a sender is
 * refused (409), and both changes are audited.
 */
@RequestScoped
@Transactional
public class MulticastOperations {

    /** Starting a process waits for the change's commit: a rolled-back change starts nothing. */
    @Inject
    AfterCommit afterCommit;

    @Inject
    MulticastStore senders;

    @Inject
    MulticastDestinations destinations;

    @Inject
    MulticastSupervisor supervisor;

    // The stream lookup and the ladder's renditions are the outputs' own: one rule for both.
    @Inject
    OutputOperations outputs;

    @Inject
    Audit audit;

    @Inject
    Actors actors;

    public MulticastChannel create(String streamId, SenderRequest request) {
        Stream stream = stream(streamId);
        String group = SenderRules.group(request.group());
        Integer port = SenderRules.port(request.port());
        int ttl = SenderRules.ttl(request.ttl());
        String nic = SenderRules.networkInterface(request.networkInterface());
        MulticastFormat format = SenderRules.format(request.format());
        requireRendition(stream, request.rendition());
        boolean announce = request.announce() == null || request.announce();
        MulticastChannel channel = destinations.exclusively(() -> {
            GroupEndpoint destination = destinations
                    .allocate(group, port)
                    .orElseThrow(() ->
                            ApiException.conflict("No free group and port left in " + destinations.ranges() + "."));
            if (destinations.taken().contains(destination)) {
                throw ApiException.conflict("A multicast sender already sends to " + destination + ".");
            }
            return senders.create(
                    new MulticastChannel(streamId, destination, ttl, nic, request.rendition(), format, announce));
        });
        audit.record(actors.current(), "multicast.create", "multicast", channel.id(), describe(stream, channel));
        afterCommit.run(() -> supervisor.run(channel, stream.name()));
        return channel;
    }

    public void delete(String streamId, String senderId) {
        Stream stream = stream(streamId);
        MulticastChannel channel = existing(streamId, senderId);
        supervisor.halt(senderId);
        senders.delete(senderId);
        audit.record(actors.current(), "multicast.delete", "multicast", senderId, describe(stream, channel));
    }

    public MulticastChannel existing(String streamId, String senderId) {
        return senders.find(senderId)
                .filter(m -> m.streamId().equals(streamId))
                .orElseThrow(
                        () -> ApiException.notFound("No multicast sender with id '" + senderId + "' on this stream."));
    }

    public Stream stream(String streamId) {
        return outputs.stream(streamId);
    }

    public List<String> renditionNames(Stream stream) {
        return outputs.renditionNames(stream);
    }

    // Checked now, as for outputs: an unknown name would only show as a sender retrying forever.
    private void requireRendition(Stream stream, String rendition) {
        if (rendition == null) {
            return;
        }
        List<String> known = renditionNames(stream);
        if (!known.contains(rendition)) {
            throw ApiException.invalid(
                    "rendition",
                    "'rendition' must name a rendition of the stream's ladder '" + stream.ladder() + "': "
                            + (known.isEmpty() ? "it has none." : String.join(", ", known) + "."));
        }
    }

    private static String describe(Stream stream, MulticastChannel channel) {
        return "stream=" + stream.name() + " destination=" + channel.receiverUrl() + " interface="
                + channel.networkInterface() + " ttl=" + channel.ttl()
                + (channel.rendition() == null ? "" : " rendition=" + channel.rendition());
    }
}
