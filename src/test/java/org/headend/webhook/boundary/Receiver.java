package org.headend.webhook.boundary;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.headend.testing.FreePorts;

/**
 * A real webhook receiver for tests: an HTTP server on a free port that keeps every request it gets
 * (headers and exact body bytes) and answers 500 to the first {@code failing} ones, 204 after.
 */
final class Receiver implements AutoCloseable {

    /** One request as received, with the status it was answered. */
    record Received(Map<String, List<String>> headers, byte[] body, int answered) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final AtomicInteger failing;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private Receiver(int port, int failing) {
        this.failing = new AtomicInteger(failing);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = this.failing.getAndDecrement() > 0 ? 500 : 204;
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    static Receiver answering() {
        return new Receiver(FreePorts.next(), 0);
    }

    /** A receiver on a given port, e.g. one a webhook has pointed at while nobody listened. */
    static Receiver answeringOn(int port) {
        return new Receiver(port, 0);
    }

    /** A receiver that answers 500 to the first {@code count} requests. */
    static Receiver failingFirst(int count) {
        return new Receiver(FreePorts.next(), count);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
