package org.headend.worker.control;

import java.time.Duration;
import org.headend.platform.process.Launcher;
import org.headend.worker.entity.WorkerAddress;

/**
 * One SSH session to a worker host: signed in with the node's key, the host key pinned, kept alive
 * so a dead link is noticed within a few seconds ({@code onLoss} runs once, on a thread of its
 * own, when it is). Programs run on the worker through its {@link #launcher()}.
 */
public final class WorkerLink implements AutoCloseable {

    /**
     * Connects and signs in. Fails with a plain reason when the host is unreachable, presents
     * another host key than {@code address.hostKey()}, or refuses the node's key.
     */
    public static WorkerLink connect(WorkerAddress address, SshKeys keys, Duration keepAlive, Runnable onLoss)
            throws WorkerLinkException {
        throw new UnsupportedOperationException("SSH link: to be built");
    }

    public boolean isConnected() {
        throw new UnsupportedOperationException();
    }

    /** This node's address on the link, as the worker reaches it. */
    public String nodeAddress() {
        throw new UnsupportedOperationException();
    }

    /** The worker's address on the link, as this node sees it. */
    public String workerAddress() {
        throw new UnsupportedOperationException();
    }

    /** Runs a short command on the worker (through its login shell) and returns its output. */
    public ExecResult exec(String command, Duration timeout) throws WorkerLinkException {
        throw new UnsupportedOperationException();
    }

    /** Starts programs on the worker; its host() is the worker's name. */
    public Launcher launcher() {
        throw new UnsupportedOperationException();
    }

    /** Ends the session, and with it every program still running through it. */
    @Override
    public void close() {
        throw new UnsupportedOperationException();
    }

    /** What a short command printed, and how it ended. */
    public record ExecResult(int exitCode, String stdout, String stderr) {}
}
