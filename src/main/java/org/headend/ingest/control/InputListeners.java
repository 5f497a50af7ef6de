package org.headend.ingest.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.SecretSeal;
import org.headend.platform.process.MediaTools;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.InputType;
import org.headend.stream.entity.ListenerState;
import org.headend.stream.entity.ListenerStatus;
import org.headend.stream.entity.Stream;
import org.headend.stream.entity.StreamCatalogChanged;
import org.headend.stream.entity.StreamInput;

/**
 * Runs the SRT and UDP listeners of every stream that takes its input that way, from the app's
 * start to its stop. Each listener publishes what it receives to the local nginx-rtmp under a
 * one-off relay key ({@link RelayKeys}), so {@link PublishAuthorizer} lets it in as the stream's
 * publisher and everything downstream works as for RTMP.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrator", "NginxSupervisor"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class InputListeners {

    private static final Logger LOG = Logger.getLogger(InputListeners.class.getName());

    @Inject
    StreamStore streams;

    @Inject
    SecretSeal seal;

    @Inject
    RelayKeys relayKeys;

    @Inject
    IngestEndpoints endpoints;

    @Inject
    ProcessSupervisor processes;

    @Inject
    MediaTools tools;

    @Inject
    @ConfigProperty(name = "headend.input.silence-timeout", defaultValue = "PT3S")
    Duration silenceTimeout;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Running> running = new ConcurrentHashMap<>();

    /** A listener with the relay key its publish carries. */
    private record Running(InputRelay relay, String relayKey, StreamInput input) {}

    @PostConstruct
    void startAll() {
        List<Stream> listening = streams.listening();
        listening.forEach(this::start);
        if (!listening.isEmpty()) {
            LOG.info(() -> "Listening for " + listening.size() + " SRT/UDP input(s)");
        }
    }

    public void catalogChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) StreamCatalogChanged change) {
        switch (change.change()) {
            case DELETED -> scheduler.execute(() -> stop(change.streamId()));
            case CREATED, INPUT_CHANGED -> scheduler.execute(() ->
                    streams.find(change.streamId()).ifPresentOrElse(this::restart, () -> stop(change.streamId())));
        }
    }

    public Optional<ListenerStatus> status(String streamId) {
        return Optional.ofNullable(running.get(streamId)).map(r -> r.relay().status());
    }

    public Optional<List<String>> log(String streamId) {
        return Optional.ofNullable(running.get(streamId)).map(r -> r.relay().lastLogLines());
    }

    /** How many listeners of a type are in a state. */
    public long count(InputType type, ListenerState state) {
        return running.values().stream()
                .filter(r -> r.input().type() == type && r.relay().status().state() == state)
                .count();
    }

    /** Whether this stream's own listener holds the port (so a check for a free port may skip it). */
    public boolean holds(String streamId, int port) {
        Running r = running.get(streamId);
        return r != null && r.input().port() != null && r.input().port() == port;
    }

    private void restart(Stream stream) {
        stop(stream.id());
        start(stream);
    }

    private void start(Stream stream) {
        StreamInput input = stream.input();
        if (!input.type().listens()) {
            return;
        }
        String passphrase = input.encrypted() ? seal.open(input.sealedPassphrase()) : null;
        String relayKey = relayKeys.issue(stream.id());
        var listen = new RelayCommand.Listen(
                input.type(), input.port(), input.group(), localAddress(input.networkInterface()), passphrase);
        var command = RelayCommand.of(tools.ffmpeg(), listen, endpoints.internalPublishUrl(relayKey));
        var relay = new InputRelay(
                processes, stream.id(), command, silenceTimeout, line -> masked(line, relayKey, passphrase));
        running.put(stream.id(), new Running(relay, relayKey, input));
        LOG.info(() ->
                "Listening for stream " + stream.name() + " on " + input.type().id() + " port " + input.port());
        relay.start();
    }

    private void stop(String streamId) {
        Running r = running.remove(streamId);
        if (r != null) {
            r.relay().stop();
            relayKeys.revoke(r.relayKey());
        }
    }

    private static String masked(String line, String relayKey, String passphrase) {
        String out = line.replace(relayKey, "***");
        return passphrase == null ? out : out.replace(passphrase, "***");
    }

    /** The IPv4 address of a named interface, to join a multicast group on; null for the system's choice. */
    private static String localAddress(String interfaceName) {
        if (interfaceName == null) {
            return null;
        }
        try {
            NetworkInterface nic = NetworkInterface.getByName(interfaceName);
            if (nic == null) {
                LOG.warning(() -> "No network interface " + interfaceName + "; joining on the system's choice");
                return null;
            }
            return nic.inetAddresses()
                    .filter(a -> a instanceof Inet4Address)
                    .map(a -> a.getHostAddress())
                    .findFirst()
                    .orElse(null);
        } catch (SocketException e) {
            return null;
        }
    }

    @PreDestroy
    void stopAll() {
        List.copyOf(running.keySet()).parallelStream().forEach(this::stop);
    }
}
