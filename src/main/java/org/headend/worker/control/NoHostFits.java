package org.headend.worker.control;

/** No host can take a packager now; the message says why in plain words, for the stream's status. */
public class NoHostFits extends RuntimeException {

    public NoHostFits(String message) {
        super(message);
    }
}
