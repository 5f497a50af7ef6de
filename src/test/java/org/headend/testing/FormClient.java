package org.headend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
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
import java.util.stream.Collectors;

/**
 * What a browser does that the tests need: keeps cookies, and shows each redirect instead of
 * following it, so a test can look at (and tamper with) every hop of a sign-in.
 */
public final class FormClient {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .build();

    /** One answer; {@code location} is absolute (resolved against the request), or null. */
    public record Page(int status, URI location, String body) {

        /** The value of a form field or hidden input with this name, as the page renders it. */
        public String field(String name) {
            Matcher input = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>")
                    .matcher(body);
            if (!input.find()) {
                throw new AssertionError("No field '" + name + "' on the page:\n" + body);
            }
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
            return value.find() ? value.group(1).replace("&amp;", "&") : "";
        }

        /** The first group of the first match of {@code regex} in the page. */
        public String find(String regex) {
            Matcher match = Pattern.compile(regex).matcher(body);
            if (!match.find()) {
                throw new AssertionError("Nothing matches " + regex + " on the page:\n" + body);
            }
            return match.group(1);
        }
    }

    /** Each form post of the console carries its view state: this and the form's own fields. */
    public static final String VIEW_STATE = "jakarta.faces.ViewState";

    public Page get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A form post as the console's pages send it, from the console's own origin. */
    public Page postForm(String url, Map<String, String> fields) {
        URI target = URI.create(url);
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", target.getScheme() + "://" + target.getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            URI location = response.headers()
                    .firstValue("Location")
                    .map(l -> built.uri().resolve(l))
                    .orElse(null);
            return new Page(response.statusCode(), location, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
