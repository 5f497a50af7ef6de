package org.headend.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.headend.testing.Api;
import org.headend.testing.HeadendProcess;
import org.headend.testing.RegisteredHosts;
import org.headend.testing.WorkerHost;
import org.headend.testing.WorkerHosts;
import org.junit.jupiter.api.Assumptions;

/**
 * What the workers' benches start, the way WorkersIT does: two worker hosts (network namespaces with
 * a real sshd each, {@link WorkerHosts}), one app started as a user starts it, the app's public key
 * in each host's authorized_keys and each host registered with its pinned key, both UP. Skipped
 * where namespaces or sshd cannot be used (not root). Closing stops the app and deletes the hosts.
 */
final class TwoWorkers implements AutoCloseable {

    static final Duration START = Duration.ofSeconds(120);

    final RegisteredHosts hosts;
    final HeadendProcess app;
    final Api api;

    private TwoWorkers(RegisteredHosts hosts, HeadendProcess app, Api api) {
        this.hosts = hosts;
        this.app = app;
        this.api = api;
    }

    static TwoWorkers start(Map<String, String> env) {
        Assumptions.assumeTrue(WorkerHosts.available(), "worker hosts need root, ip netns and openssh-server");
        var hosts = new RegisteredHosts(WorkerHosts.create(2));
        HeadendProcess app = null;
        try {
            app = HeadendProcess.inTempHome(env).start();
            Api api = app.admin();
            String key = api.get("/api/v1/workers/ssh-key").json().getString("publicKey");
            for (WorkerHost host : hosts.all()) {
                host.ssh().authorize(key);
                RegisteredHosts.register(api, host.name(), host, host.ssh().hostKeyLine());
            }
            hosts.awaitAllUp(api, START);
            System.out.println("BENCH-INFO app log " + app.log().toAbsolutePath() + ", env " + env + ", workers "
                    + hosts.all().stream().map(WorkerHost::name).toList());
            return new TwoWorkers(hosts, app, api);
        } catch (RuntimeException | AssertionError e) {
            try {
                if (app != null) {
                    app.stop();
                }
            } finally {
                hosts.close();
            }
            throw e;
        }
    }

    /** The worker host of that name, or null (e.g. {@code local}, the node itself). */
    WorkerHost host(String name) {
        return hosts.all().stream()
                .filter(h -> h.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    List<String> names() {
        return hosts.all().stream().map(WorkerHost::name).toList();
    }

    @Override
    public void close() {
        try {
            List<ProcessHandle> left = app.stop();
            if (!left.isEmpty()) {
                System.out.println("BENCH-INFO the app left running on the node: "
                        + left.stream()
                                .map(p -> p.pid() + " " + p.info().command().orElse("?"))
                                .toList());
            }
        } finally {
            hosts.close();
        }
    }
}
