package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports nobody listens on right now, so tests also pass while a Headend runs on the defaults. */
public final class FreePorts {

    private FreePorts() {}

    public static int next() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
