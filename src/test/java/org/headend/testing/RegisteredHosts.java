package org.headend.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.time.Duration;
import java.util.List;

/**
 * The worker hosts of the workers' tests and benches (WorkersIT, org.headend.bench) as the app knows them: registering one through the API,
 * its path there, and what runs in the hosts' namespaces (the ffmpegs the app started remotely).
 */
public final class RegisteredHosts implements AutoCloseable {

    private final WorkerHosts hosts;

    public RegisteredHosts(WorkerHosts hosts) {
        this.hosts = hosts;
    }

    public List<WorkerHost> all() {
        return hosts.all();
    }

    public WorkerHost get(int index) {
        return hosts.get(index);
    }

    public WorkerHost named(String name) {
        return hosts.all().stream()
                .filter(h -> h.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no worker host named " + name));
    }

    /** Registers the host under {@code name}, pinned to {@code hostKey}, with two slots. */
    public static void register(Api api, String name, WorkerHost host, String hostKey) {
        var reply = api.post(
                "/api/v1/workers",
                Json.createObjectBuilder()
                        .add("name", name)
                        .add("host", host.address())
                        .add("port", host.ssh().port())
                        .add("user", host.ssh().user())
                        .add("hostKey", hostKey)
                        .add("slots", 2)
                        .build());
        assertEquals(201, reply.status(), reply.body());
    }

    public static String path(WorkerHost host) {
        return "/api/v1/workers/" + host.name();
    }

    public void awaitAllUp(Api api, Duration deadline) {
        for (WorkerHost host : hosts.all()) {
            api.awaitState(path(host), "UP", deadline);
        }
    }

    public static long awaitFfmpeg(WorkerHost host, Duration deadline) {
        return Await.until("an ffmpeg on " + host.name(), deadline, () -> host.processes("ffmpeg").stream()
                .findFirst()
                .orElse(null));
    }

    public void awaitAFfmpegOnEach(Duration deadline) {
        for (WorkerHost host : hosts.all()) {
            awaitFfmpeg(host, deadline);
        }
    }

    public static void awaitNoFfmpeg(WorkerHost host, String when, Duration deadline) {
        Await.until("no ffmpeg on " + host.name() + " " + when, deadline, () -> host.processes("ffmpeg")
                .isEmpty());
    }

    public void awaitNoFfmpegOnAny(String when, Duration deadline) {
        for (WorkerHost host : hosts.all()) {
            awaitNoFfmpeg(host, when, deadline);
        }
    }

    @Override
    public void close() {
        hosts.close();
    }
}
