package org.headend.worker.control;

import java.io.IOException;

/**
 * A worker could not be reached or used, in plain words an operator can act on ("the host
 * presented another key than the one registered", "authentication refused: add Headend's public
 * key to ~user/.ssh/authorized_keys"). The message never holds a key's secret part or a password.
 */
public class WorkerLinkException extends IOException {

    public WorkerLinkException(String message) {
        super(message);
    }

    public WorkerLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
