package org.headend.platform.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The work of every live stream: which supervised processes run for it, in which role. A process
 * joins when it first moves and leaves when it is stopped; every move is announced as a
 * {@link ProcessChanged} event, so a console can show it live.
 */
@ApplicationScoped
public class ProcessRegistry {

    private final Map<String, Set<SupervisedProcess>> byStream = new ConcurrentHashMap<>();

    @Inject
    Event<ProcessChanged> changes;

    /** The parts of a stream's work, packagers first. */
    public List<ProcessPart> parts(String streamId) {
        return byStream.getOrDefault(streamId, Set.of()).stream()
                .map(p -> new ProcessPart(p.spec().role(), p.spec().label(), p.snapshot()))
                .sorted(Comparator.comparing((ProcessPart p) -> ProcessRoles.order(p.role()))
                        .thenComparing(ProcessPart::label))
                .toList();
    }

    /** How many processes of streams play the role and stand in the state now. */
    public long count(String role, ProcessState state) {
        return byStream.values().stream()
                .flatMap(Set::stream)
                .filter(p -> role.equals(p.spec().role()))
                .filter(p -> p.snapshot().state() == state)
                .count();
    }

    /** How many packagers are kept running on the host now: its jobs, as placement counts them. */
    public long jobsOn(String host) {
        return byStream.values().stream()
                .flatMap(Set::stream)
                .filter(p -> ProcessRoles.PACKAGER.equals(p.spec().role())
                        || ProcessRoles.BACKUP_PACKAGER.equals(p.spec().role()))
                .map(SupervisedProcess::snapshot)
                .filter(s -> host.equals(s.host()) && s.state() != ProcessState.STOPPED)
                .count();
    }

    void changed(SupervisedProcess process) {
        String streamId = process.spec().owner();
        if (streamId == null) {
            return;
        }
        ProcessSnapshot now = process.snapshot();
        if (now.state() == ProcessState.STOPPED) {
            byStream.computeIfPresent(streamId, (id, set) -> {
                set.remove(process);
                return set.isEmpty() ? null : set;
            });
        } else {
            byStream.computeIfAbsent(streamId, id -> ConcurrentHashMap.newKeySet())
                    .add(process);
        }
        if (changes != null) {
            changes.fire(new ProcessChanged(streamId, process.spec().role(), now));
        }
    }
}
