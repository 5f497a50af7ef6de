package org.headend.worker.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.process.LocalLauncher;
import org.headend.platform.process.ProcessRegistry;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.worker.entity.PlacementDecided;

/**
 * Chooses the host of each packager: the worker an operator pinned the stream to while it can take
 * it, else the least busy capable host (jobs over slots, then load over cores), this node among
 * them when {@code headend.workers.local} lets it count as one. It remembers which hosts work for
 * which stream, so nginx lets exactly those pull the stream and write its HLS.
 */
@ApplicationScoped
public class Placements {

    private static final Logger LOG = Logger.getLogger(Placements.class.getName());

    @Inject
    WorkerPool pool;

    @Inject
    LocalHost localHost;

    @Inject
    ProcessRegistry registry;

    @Inject
    ProcessSupervisor supervisor;

    @Inject
    Event<PlacementDecided> decided;

    @Inject
    @ConfigProperty(name = "headend.workers.local", defaultValue = "true")
    boolean localCounts;

    @Inject
    @ConfigProperty(name = "headend.workers.local-slots", defaultValue = "2")
    int localSlots;

    /** Stream name -> packager role -> host. */
    private final Map<String, Map<String, String>> assigned = new ConcurrentHashMap<>();

    /**
     * A host for one packager of the stream, remembered as that role's host until
     * {@link #release}. {@code moved} counts it as a move (its earlier host was lost or drained);
     * {@code needs} says in words what a host must have, for the refusal.
     *
     * @throws NoHostFits when no host can run it now
     */
    public Placement place(PlacementRequest request, String role, boolean moved, String needs) {
        Placement chosen;
        try {
            chosen = choose(request, needs);
        } catch (NoHostFits e) {
            decided.fire(new PlacementDecided("none", PlacementDecided.NO_HOST));
            throw e;
        }
        boolean pinned = chosen.host().equals(request.pinned());
        decided.fire(new PlacementDecided(
                chosen.host(),
                moved ? PlacementDecided.MOVED : pinned ? PlacementDecided.PINNED : PlacementDecided.PLACED));
        assigned.computeIfAbsent(request.stream(), s -> new ConcurrentHashMap<>())
                .put(role, chosen.host());
        return chosen;
    }

    private Placement choose(PlacementRequest request, String needs) {
        if (request.pinned() != null) {
            Optional<WorkerHost> pinned = pool.available().stream()
                    .filter(w -> w.name().equals(request.pinned()))
                    .findFirst();
            if (pinned.isPresent() && request.capable().test(pinned.get().capabilities())) {
                return ofWorker(pinned.get());
            }
            LOG.info(() -> "Stream " + request.stream() + " is pinned to worker " + request.pinned()
                    + ", which cannot take it now; placing it elsewhere");
        }
        List<Candidate> candidates = new ArrayList<>();
        pool.available().forEach(w -> candidates.add(new Candidate(ofWorker(w), w.slots())));
        if (localCounts) {
            candidates.add(new Candidate(
                    new Placement(LocalLauncher.HOST, supervisor.local(), localHost.capabilities(), null), localSlots));
        }
        if (candidates.isEmpty()) {
            throw new NoHostFits("no host can take it: no worker is up and headend.workers.local is false");
        }
        List<Candidate> capable = candidates.stream()
                .filter(c -> request.capable().test(c.placement().capabilities()))
                .toList();
        if (capable.isEmpty()) {
            throw new NoHostFits("no host has " + needs + ", which its ladder asks for (hosts: "
                    + String.join(
                            ", ",
                            candidates.stream().map(c -> c.placement().host()).toList()) + ")");
        }
        List<Candidate> apart = capable.stream()
                .filter(c -> !c.placement().host().equals(request.avoid()))
                .toList();
        return (apart.isEmpty() ? capable : apart)
                .stream()
                        .min(Comparator.comparingDouble(this::busy)
                                .thenComparingDouble(Placements::loadPerCore)
                                .thenComparing(c -> c.placement().local()))
                        .orElseThrow()
                        .placement();
    }

    private double busy(Candidate c) {
        return (double) registry.jobsOn(c.placement().host()) / Math.max(1, c.slots());
    }

    private static double loadPerCore(Candidate c) {
        var caps = c.placement().capabilities();
        return caps.load() / Math.max(1, caps.cores());
    }

    private static Placement ofWorker(WorkerHost w) {
        return new Placement(w.name(), w.launcher(), w.capabilities(), w.nodeAddress());
    }

    /** The role's packager stopped: its host no longer works for the stream. */
    public void release(String stream, String role) {
        assigned.computeIfPresent(stream, (s, roles) -> {
            roles.remove(role);
            return roles.isEmpty() ? null : roles;
        });
    }

    /** The hosts working for the stream now. */
    public Set<String> hostsOf(String stream) {
        return Set.copyOf(assigned.getOrDefault(stream, Map.of()).values());
    }

    /**
     * Whether a client at {@code address} may pull the stream from nginx-rtmp or write its HLS: this
     * node itself, or a linked worker that runs one of the stream's packagers now.
     */
    public boolean mayServe(String address, String stream) {
        if (isLoopback(address)) {
            return true;
        }
        Set<String> hosts = hostsOf(stream);
        return pool.atAddress(address).map(w -> hosts.contains(w.name())).orElse(false);
    }

    static boolean isLoopback(String address) {
        return address != null
                && (address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1"));
    }

    private record Candidate(Placement placement, int slots) {}
}
