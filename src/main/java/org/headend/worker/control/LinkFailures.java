package org.headend.worker.control;

import com.jcraft.jsch.JSchAlgoNegoFailException;
import com.jcraft.jsch.JSchException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.headend.worker.entity.WorkerAddress;

/**
 * Turns what JSch throws while signing in into the reason an operator reads on the worker (DOWN,
 * and why): the words name what to fix, never a key's secret part.
 */
final class LinkFailures {

    private LinkFailures() {}

    static WorkerLinkException explain(JSchException e, WorkerAddress address, PinnedHostKey pinned) {
        String where = address.host() + ":" + address.port();
        var refusal = pinned.refusal();
        if (refusal.isPresent()) {
            return new WorkerLinkException(refusal.get(), e);
        }
        Throwable cause = rootCause(e);
        if (cause instanceof UnknownHostException) {
            return new WorkerLinkException("the host name " + address.host() + " is not known", e);
        }
        if (cause instanceof ConnectException) {
            return new WorkerLinkException(where + " refused the connection: is sshd running there, on that port?", e);
        }
        if (cause instanceof NoRouteToHostException) {
            return new WorkerLinkException("there is no route to " + address.host(), e);
        }
        if (cause instanceof SocketTimeoutException
                || String.valueOf(e.getMessage()).contains("timeout")) {
            return new WorkerLinkException(where + " did not answer in time: is the host up and reachable?", e);
        }
        // JSch's own auth exceptions are not public: "Auth fail", "Auth cancel" and partial success.
        if (String.valueOf(e.getMessage()).startsWith("Auth ")) {
            return new WorkerLinkException(
                    "authentication refused: add Headend's public key to ~" + address.user()
                            + "/.ssh/authorized_keys on " + address.host(),
                    e);
        }
        if (e instanceof JSchAlgoNegoFailException) {
            return new WorkerLinkException(
                    "the host has no " + pinned.type() + " host key, the type registered for it, or no algorithm"
                            + " Headend speaks: " + e.getMessage(),
                    e);
        }
        return new WorkerLinkException("cannot sign in to " + where + ": " + e.getMessage(), e);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
