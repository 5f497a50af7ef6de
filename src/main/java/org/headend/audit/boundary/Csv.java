package org.headend.audit.boundary;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.headend.audit.entity.AuditEntry;

/**
 * RFC 4180 rows. Fields that a spreadsheet would run as a formula (starting with = + - @) are
 * prefixed with a quote, so an audited name cannot inject one.
 */
final class Csv {

    private Csv() {}

    static final int MAX_ROWS = 100_000;

    /** The audit trail's export, header first. */
    static String audit(List<AuditEntry> entries) {
        var csv = new StringBuilder("at,actor,address,action,object_type,object_id,detail\r\n");
        for (AuditEntry e : entries) {
            csv.append(row(
                    e.at().toString(), e.actor(), e.address(), e.action(), e.objectType(), e.objectId(), e.detail()));
        }
        return csv.toString();
    }

    static String row(String... fields) {
        return Arrays.stream(fields).map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
