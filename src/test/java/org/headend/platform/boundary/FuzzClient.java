package org.headend.platform.boundary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends the fuzz test's calls as they are: any method, raw (already encoded) paths, any body
 * bytes and headers, redirects shown rather than followed. {@link #raw} writes the request line
 * itself, for URLs that {@link URI} refuses to build (a malformed %-escape).
 */
final class FuzzClient {

    record Answer(int status, String contentType, String location, String body) {
        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    private static final Pattern VIEW_STATE = Pattern.compile("ViewState:0\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    FuzzClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .build();
    }

    Answer send(String method, String path, Map<String, String> headers, byte[] body) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client with a console session, signed in on the sign-in page as a browser does. */
    static FuzzClient signedIn(String base, String username, String password) {
        var session = new FuzzClient(base);
        Answer login = session.send("GET", "/login", Map.of(), null);
        Matcher viewState = VIEW_STATE.matcher(login.body());
        if (!viewState.find()) {
            throw new AssertionError("The sign-in page has no view state: " + login);
        }
        String form = "signin=signin&signin%3Ausername=" + encode(username) + "&signin%3Apassword=" + encode(password)
                + "&signin%3Asubmit=&jakarta.faces.ViewState=" + encode(viewState.group(1));
        Answer signedIn = session.send(
                "POST",
                "/login",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", base),
                form.getBytes(StandardCharsets.UTF_8));
        if (signedIn.status() != 302) {
            throw new AssertionError("Cannot sign in as " + username + ": " + signedIn);
        }
        return session;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** One GET over a socket of its own, the path written byte for byte as given. */
    Answer raw(String path, String authorization) {
        URI server = URI.create(base);
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + server.getAuthority() + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Connection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Answer parse(String response) {
        int end = response.indexOf("\r\n\r\n");
        String head = end < 0 ? response : response.substring(0, end);
        String body = end < 0 ? "" : response.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String type = "";
        String location = "";
        for (String line : lines) {
            String lower = line.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                type = line.substring(13).trim();
            } else if (lower.startsWith("location:")) {
                location = line.substring(9).trim();
            }
        }
        return new Answer(status, type, location, body);
    }
}
