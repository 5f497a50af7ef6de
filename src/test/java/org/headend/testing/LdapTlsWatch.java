package org.headend.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocketFactory;

/**
 * Tells, for each bind an in-memory directory receives, whether its connection was upgraded with
 * StartTLS first. The server's StartTLS goes through {@link #socketFactory()}, which notes the
 * client's port; the access log ties connection numbers to client ports and reports the binds.
 */
final class LdapTlsWatch {

    private static final Pattern CONNECT = Pattern.compile("\\bCONNECT conn=(\\d+) from=\"[^\"]*:(\\d+)\"");
    private static final Pattern BIND = Pattern.compile("\\bBIND REQUEST conn=(\\d+) ");

    private final SSLSocketFactory delegate;
    private final Set<Integer> upgradedClientPorts = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> clientPortByConnection = new ConcurrentHashMap<>();
    private final AtomicInteger plaintextBinds = new AtomicInteger();
    private final AtomicInteger protectedBinds = new AtomicInteger();

    LdapTlsWatch(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    int plaintextBinds() {
        return plaintextBinds.get();
    }

    int protectedBinds() {
        return protectedBinds.get();
    }

    Handler accessLog() {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                var connect = CONNECT.matcher(record.getMessage());
                if (connect.find()) {
                    clientPortByConnection.put(connect.group(1), Integer.valueOf(connect.group(2)));
                }
                var bind = BIND.matcher(record.getMessage());
                if (bind.find()) {
                    Integer port = clientPortByConnection.get(bind.group(1));
                    (upgradedClientPorts.contains(port) ? protectedBinds : plaintextBinds).incrementAndGet();
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }

    /** The server side of StartTLS: layers TLS over an accepted connection, noting its client port. */
    SSLSocketFactory socketFactory() {
        return new SSLSocketFactory() {
            @Override
            public Socket createSocket(Socket accepted, String host, int port, boolean autoClose) throws IOException {
                upgradedClientPorts.add(accepted.getPort());
                return delegate.createSocket(accepted, host, port, autoClose);
            }

            @Override
            public String[] getDefaultCipherSuites() {
                return delegate.getDefaultCipherSuites();
            }

            @Override
            public String[] getSupportedCipherSuites() {
                return delegate.getSupportedCipherSuites();
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                return delegate.createSocket(host, port);
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
                return delegate.createSocket(host, port, local, localPort);
            }

            @Override
            public Socket createSocket(InetAddress host, int port) throws IOException {
                return delegate.createSocket(host, port);
            }

            @Override
            public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
                    throws IOException {
                return delegate.createSocket(host, port, local, localPort);
            }
        };
    }
}
