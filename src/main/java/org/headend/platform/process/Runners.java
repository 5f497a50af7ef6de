package org.headend.platform.process;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The running runners of one capability (outputs, multicast senders) by their id: each runner owns
 * the supervised process of one configured item of a live stream. Started at most once per id, found
 * for the API's status and log, stopped alone, with their stream, or all at shutdown. One piece for
 * every capability that runs one process per item, so none repeats this bookkeeping.
 */
public final class Runners<R extends Runners.Runner> {

    /** What a capability's runner offers to this registry. */
    public interface Runner {

        /** The live stream it works for. */
        String streamId();

        void start();

        /** Stops it for good; it is not started again. */
        void stop();

        /** Its process's last lines, secrets masked. */
        List<String> logLines();
    }

    private final Map<String, R> byId = new ConcurrentHashMap<>();

    /** Makes and starts the runner of {@code id} unless one runs already. */
    public void startIfAbsent(String id, Function<String, R> make) {
        byId.computeIfAbsent(id, key -> {
            R runner = make.apply(key);
            runner.start();
            return runner;
        });
    }

    public Optional<R> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Stops the runner of {@code id}, if one runs. */
    public void halt(String id) {
        Optional.ofNullable(byId.remove(id)).ifPresent(Runner::stop);
    }

    /** Stops every runner of the stream. */
    public void haltStream(String streamId) {
        byId.entrySet().stream()
                .filter(e -> e.getValue().streamId().equals(streamId))
                .map(Map.Entry::getKey)
                .toList()
                .forEach(this::halt);
    }

    /** Stops every runner at once: each waits out its own grace, so in parallel, not one after another. */
    public void haltAll() {
        List.copyOf(byId.keySet()).parallelStream().forEach(this::halt);
    }

    /** The last log lines of the runner of {@code id}; none if it does not run. */
    public List<String> log(String id) {
        return find(id).map(Runner::logLines).orElse(List.of());
    }

    public long count(Predicate<R> which) {
        return byId.values().stream().filter(which).count();
    }

    public Collection<R> all() {
        return List.copyOf(byId.values());
    }
}
