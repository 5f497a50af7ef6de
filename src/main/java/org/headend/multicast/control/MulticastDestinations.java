package org.headend.multicast.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.ingest.control.PortRange;
import org.headend.multicast.entity.GroupEndpoint;
import org.headend.multicast.entity.MulticastChannel;
import org.headend.platform.CommitLock;

/**
 * The groups and ports senders are given from {@code headend.multicast.range} and
 * {@code headend.multicast.ports} (checked at start), and the one lock under which a destination is
 * chosen and saved, so two requests at once never take the same group and port.
 */
@ApplicationScoped
public class MulticastDestinations {

    @Inject
    CommitLock choices;

    public static final String RANGE_KEY = "headend.multicast.range";
    public static final String PORTS_KEY = "headend.multicast.ports";

    @Inject
    @ConfigProperty(name = RANGE_KEY, defaultValue = "239.255.0.0/24")
    String range;

    @Inject
    @ConfigProperty(name = PORTS_KEY, defaultValue = "30000-40000")
    String ports;

    @Inject
    MulticastStore senders;

    private GroupAllocator allocator;

    @PostConstruct
    void init() {
        allocator = new GroupAllocator(GroupRange.parse(RANGE_KEY, range), PortRange.parse(PORTS_KEY, ports));
    }

    /** The destinations every sender holds now. */
    public Set<GroupEndpoint> taken() {
        return senders.all().stream().map(MulticastChannel::destination).collect(Collectors.toSet());
    }

    public Optional<GroupEndpoint> allocate(String group, Integer port) {
        return allocator.allocate(group, port, taken());
    }

    public String ranges() {
        return allocator.groups() + " (" + RANGE_KEY + "), ports " + allocator.ports() + " (" + PORTS_KEY + ")";
    }

    /** Runs a choice of destination and the save that takes it as one step. */
    public <T> T exclusively(Supplier<T> chooseAndSave) {
        // Held until the transaction around the save ends: the row is committed before the next choice.
        return choices.exclusively(chooseAndSave);
    }
}
