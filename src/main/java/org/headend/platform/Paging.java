package org.headend.platform;

/**
 * The {@code page} and {@code size} query parameters of a listing, read as text so that a value
 * that is not a number is a clear 400 rather than the 404 JAX-RS gives a failed conversion.
 */
public record Paging(int page, int size) {

    public static Paging of(String page, String size, int defaultSize, int maxSize) {
        int p = number("page", page, 0);
        int s = number("size", size, defaultSize);
        if (p < 0 || s < 1 || s > maxSize) {
            throw ApiException.badRequest("'page' must be 0 or more and 'size' between 1 and " + maxSize + ".");
        }
        return new Paging(p, s);
    }

    private static int number(String field, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("'" + field + "' must be a whole number.");
        }
    }

    public int offset() {
        return page * size;
    }
}
