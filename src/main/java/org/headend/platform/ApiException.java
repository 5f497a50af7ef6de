package org.headend.platform;

/**
 * A request the API refuses, with the HTTP status and a message fit to show the caller. The message
 * never carries a secret.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final Long retryAfterSeconds;
    private String field;

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    private ApiException(int status, String title, String detail, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 429 whose answer carries {@code Retry-After}. */
    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(429, "Too many requests", detail, retryAfterSeconds);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad request", detail);
    }

    /** A 400 about one field of the input (e.g. {@code renditions[1].height}), so a form can show it there. */
    public static ApiException invalid(String field, String detail) {
        ApiException invalid = badRequest(detail);
        invalid.field = field;
        return invalid;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The input field the refusal is about, or null. */
    public String field() {
        return field;
    }

    /** Seconds the caller should wait before trying again, for a 429; null otherwise. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
