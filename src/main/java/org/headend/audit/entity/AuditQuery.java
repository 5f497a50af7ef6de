package org.headend.audit.entity;

import java.time.DateTimeException;
import java.time.Instant;
import org.headend.platform.ApiException;

/** A filter over the audit trail; null fields match everything. */
public record AuditQuery(String actor, String objectType, String objectId, Instant from, Instant to) {

    /**
     * The filter as the API and the console take it: {@code object} is a type ({@code stream}) or a
     * type and id ({@code stream/<id>}); times are ISO-8601 instants; blanks match everything.
     */
    public static AuditQuery parse(String user, String object, String from, String to) {
        String type = null;
        String id = null;
        if (object != null && !object.isBlank()) {
            int slash = object.indexOf('/');
            type = slash < 0 ? object : object.substring(0, slash);
            id = slash < 0 ? null : object.substring(slash + 1);
        }
        return new AuditQuery(blankToNull(user), type, id, instant("from", from), instant("to", to));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw ApiException.invalid(
                    field, "'" + field + "' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z.");
        }
    }
}
