package org.headend.ingest.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.CommitLock;
import org.headend.stream.entity.InputType;

/**
 * The UDP ports the app may listen on for SRT and UDP inputs, from configured ranges. A port is
 * free when no stream has it and no other program on the host holds it; the choice and the
 * stream's save happen under one lock, so two requests never get the same port.
 */
@ApplicationScoped
public class InputPorts {

    @Inject
    CommitLock choices;

    public static final String UDP_KEY = "headend.input.udp.ports";
    public static final String SRT_KEY = "headend.input.srt.ports";

    @Inject
    @ConfigProperty(name = UDP_KEY, defaultValue = "5000-5100")
    String udpPorts;

    @Inject
    @ConfigProperty(name = SRT_KEY, defaultValue = "8890-8990")
    String srtPorts;

    private PortRange udp;
    private PortRange srt;

    @PostConstruct
    void parse() {
        udp = PortRange.parse(UDP_KEY, udpPorts);
        srt = PortRange.parse(SRT_KEY, srtPorts);
    }

    public PortRange range(InputType type) {
        return type == InputType.SRT ? srt : udp;
    }

    public String rangeKey(InputType type) {
        return type == InputType.SRT ? SRT_KEY : UDP_KEY;
    }

    /** The first port of the type's range that no stream has and the host does not hold. */
    public Optional<Integer> firstFree(InputType type, IntPredicate takenByStream) {
        PortRange range = range(type);
        for (int port = range.first(); port <= range.last(); port++) {
            if (!takenByStream.test(port) && freeOnHost(port)) {
                return Optional.of(port);
            }
        }
        return Optional.empty();
    }

    /** Whether a UDP socket can be bound on the port now (SRT is UDP too). */
    public boolean freeOnHost(int port) {
        try (var socket = new DatagramSocket(null)) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Runs a choice of port and the save that takes it as one step. */
    public <T> T exclusively(Supplier<T> chooseAndSave) {
        // Held until the transaction around the save ends: the row is committed before the next choice.
        return choices.exclusively(chooseAndSave);
    }
}
