package org.headend.worker.control;

import java.io.IOException;
import java.time.Duration;
import java.util.logging.Logger;
import org.headend.platform.process.LaunchRequest;
import org.headend.platform.process.LaunchedProcess;
import org.headend.platform.process.Launcher;

/**
 * Starts programs on a worker over its SSH link, each on an exec channel of its own, wrapped so it
 * ends with its channel ({@link RemoteCommand#launchScript}). The arguments are quoted, never
 * interpolated by the worker's shell.
 */
final class SshLauncher implements Launcher {

    private static final Logger LOG = Logger.getLogger(SshLauncher.class.getName());
    private static final Duration REAP_TIMEOUT = Duration.ofSeconds(15);

    private final WorkerLink link;
    private final String host;

    SshLauncher(WorkerLink link, String host) {
        this.link = link;
        this.host = host;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public LaunchedProcess launch(LaunchRequest request) throws IOException {
        try {
            return RemoteProcess.start(link, host, request);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Ends what an earlier link left running on the worker (the node crashed, or the link was cut
     * and the worker's sshd has not noticed yet). Called on every (re)connect, before any new job.
     */
    @Override
    public void reapLeftovers() {
        try {
            var result = link.exec(RemoteCommand.viaSh(RemoteCommand.reapScript()), REAP_TIMEOUT);
            result.stdout()
                    .lines()
                    .filter(line -> line.startsWith("reaped "))
                    .forEach(line -> LOG.warning(() -> "Stopped " + line.substring("reaped ".length()) + " on worker "
                            + host + ", left by an earlier link"));
            if (result.exitCode() != 0) {
                LOG.warning(() -> "Looking for leftovers on worker " + host + " failed: "
                        + result.stderr().strip());
            }
        } catch (WorkerLinkException e) {
            LOG.warning(() -> "Cannot look for leftovers on worker " + host + ": " + e.getMessage());
        }
    }
}
