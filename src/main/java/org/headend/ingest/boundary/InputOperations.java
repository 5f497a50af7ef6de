package org.headend.ingest.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.headend.ingest.control.IngestEndpoints;
import org.headend.ingest.control.InputListeners;
import org.headend.ingest.control.InputPorts;
import org.headend.platform.ApiException;
import org.headend.platform.SecretSeal;
import org.headend.stream.boundary.InputJson;
import org.headend.stream.boundary.InputRequest;
import org.headend.stream.boundary.StreamInputs;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.InputType;
import org.headend.stream.entity.Stream;
import org.headend.stream.entity.StreamInput;

/**
 * Turns a requested input into a stream's {@link StreamInput}, for the API and the console alike:
 * each setting is checked before anything is saved or started, a port is chosen from its range
 * when none is asked for, and a port outside the range (400) or already in use (409) is refused.
 */
@ApplicationScoped
public class InputOperations implements StreamInputs {

    /** SRT's own limits for a passphrase. */
    private static final int PASSPHRASE_MIN = 10;

    private static final int PASSPHRASE_MAX = 79;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]+");
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.:-]{1,15}");

    @Inject
    InputPorts ports;

    @Inject
    StreamStore streams;

    @Inject
    InputListeners listeners;

    @Inject
    SecretSeal seal;

    @Inject
    IngestEndpoints endpoints;

    /**
     * Checks the request, chooses its port and hands the resulting input to {@code save}, all under
     * the port lock; {@code streamId} is null for a new stream.
     */
    @Override
    public <T> T saveWith(String streamId, InputRequest request, Function<StreamInput, T> save) {
        InputType type = InputType.of(request.type())
                .orElseThrow(() -> ApiException.invalid(
                        "input.type",
                        "'input.type' must be \"rtmp\", \"srt\" or \"udp\", not '" + request.type() + "'."));
        checkFields(type, request);
        if (!type.listens()) {
            return save.apply(StreamInput.rtmp());
        }
        String group = group(request.group());
        String nic = networkInterface(request.networkInterface(), group);
        String sealed = request.passphrase() == null ? null : seal.seal(request.passphrase());
        return ports.exclusively(() -> {
            int port = port(streamId, type, request.port());
            return save.apply(new StreamInput(type, port, group, nic, sealed));
        });
    }

    /** Where an encoder sends to: the RTMP ingest URL, or the listener's address on this host. */
    @Override
    public String ingestUrl(Stream stream, String requestHost) {
        StreamInput input = stream.input();
        return switch (input.type()) {
            case RTMP -> endpoints.ingestUrl(requestHost);
            case SRT -> "srt://" + endpoints.publicHost(requestHost) + ":" + input.port();
            case UDP -> "udp://"
                    + (input.group() == null ? endpoints.publicHost(requestHost) : bracketed(input.group())) + ":"
                    + input.port();
        };
    }

    @Override
    public InputJson view(Stream stream, String requestHost) {
        StreamInput input = stream.input();
        return new InputJson(
                input.type().id(),
                input.port(),
                input.group(),
                input.networkInterface(),
                input.type() == InputType.SRT ? input.encrypted() : null,
                ingestUrl(stream, requestHost),
                listeners.status(stream.id()).orElse(null));
    }

    @Override
    public Optional<List<String>> log(String streamId) {
        return listeners.log(streamId);
    }

    private static void checkFields(InputType type, InputRequest request) {
        if (type == InputType.RTMP && request.port() != null) {
            throw ApiException.invalid(
                    "input.port",
                    "An RTMP input takes no port: encoders publish to the ingest URL with the stream key.");
        }
        if (type != InputType.SRT && request.passphrase() != null) {
            throw ApiException.invalid("input.passphrase", "Only an SRT input takes a passphrase.");
        }
        if (type != InputType.UDP && (request.group() != null || request.networkInterface() != null)) {
            throw ApiException.invalid("input.group", "Only a UDP input joins a multicast group.");
        }
        String passphrase = request.passphrase();
        if (passphrase != null && (passphrase.length() < PASSPHRASE_MIN || passphrase.length() > PASSPHRASE_MAX)) {
            throw ApiException.invalid(
                    "input.passphrase",
                    "'input.passphrase' must be " + PASSPHRASE_MIN + " to " + PASSPHRASE_MAX
                            + " characters (SRT's limits).");
        }
    }

    private int port(String streamId, InputType type, Integer requested) {
        var range = ports.range(type);
        if (requested == null) {
            return ports.firstFree(type, p -> streams.byInputPort(p).isPresent())
                    .orElseThrow(() -> ApiException.conflict(
                            "No free port left in " + range + " (" + ports.rangeKey(type) + ")."));
        }
        if (!range.contains(requested)) {
            throw ApiException.invalid(
                    "input.port",
                    "'input.port' must be within " + range + " (" + ports.rangeKey(type) + "), not " + requested + ".");
        }
        Optional<Stream> holder = streams.byInputPort(requested);
        if (holder.isPresent() && !holder.get().id().equals(streamId)) {
            throw ApiException.conflict("Port " + requested + " is already the input of stream '"
                    + holder.get().name() + "'.");
        }
        boolean ours = streamId != null && listeners.holds(streamId, requested);
        if (!ours && !ports.freeOnHost(requested)) {
            throw ApiException.conflict("Port " + requested + " is in use by another program on this host.");
        }
        return requested;
    }

    private static String group(String group) {
        if (group == null) {
            return null;
        }
        boolean literal = IPV4.matcher(group).matches()
                || (group.contains(":") && IPV6.matcher(group).matches());
        try {
            // Only a literal address is parsed: no name lookup happens here.
            if (literal && InetAddress.getByName(group).isMulticastAddress()) {
                return InetAddress.getByName(group).getHostAddress();
            }
        } catch (UnknownHostException notAnAddress) {
            // Refused below.
        }
        throw ApiException.invalid(
                "input.group", "'input.group' must be a multicast address such as 239.255.0.1, not '" + group + "'.");
    }

    private static String networkInterface(String name, String group) {
        if (name == null) {
            return null;
        }
        if (group == null) {
            throw ApiException.invalid("input.interface", "'input.interface' is only for joining a multicast group.");
        }
        try {
            if (INTERFACE.matcher(name).matches() && NetworkInterface.getByName(name) != null) {
                return name;
            }
        } catch (SocketException e) {
            // Refused below.
        }
        throw ApiException.invalid(
                "input.interface", "'input.interface' must name a network interface of this host, such as eth0.");
    }

    private static String bracketed(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
