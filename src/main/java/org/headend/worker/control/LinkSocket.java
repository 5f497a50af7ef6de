package org.headend.worker.control;

import com.jcraft.jsch.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The TCP connection under one link, made here rather than inside JSch so that both ends are
 * known: the node's address on it is where the worker reaches the node (to pull a stream from
 * nginx-rtmp), and the worker's is how the node recognises that worker's requests.
 */
final class LinkSocket implements SocketFactory {

    private final int connectTimeoutMillis;
    private volatile Socket socket;
    private volatile String localAddress;
    private volatile String remoteAddress;

    LinkSocket(int connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        var made = new Socket();
        try {
            made.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            made.setTcpNoDelay(true);
        } catch (IOException e) {
            made.close();
            throw e;
        }
        localAddress = made.getLocalAddress().getHostAddress();
        remoteAddress =
                ((InetSocketAddress) made.getRemoteSocketAddress()).getAddress().getHostAddress();
        socket = made;
        return made;
    }

    @Override
    public InputStream getInputStream(Socket s) throws IOException {
        return s.getInputStream();
    }

    @Override
    public OutputStream getOutputStream(Socket s) throws IOException {
        return s.getOutputStream();
    }

    String localAddress() {
        return localAddress;
    }

    String remoteAddress() {
        return remoteAddress;
    }

    /** Closes the connection with a reset, without the SSH goodbye. */
    void reset() {
        Socket s = socket;
        if (s == null) {
            return;
        }
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException e) {
            // Closed already: the link is down either way.
        }
    }
}
