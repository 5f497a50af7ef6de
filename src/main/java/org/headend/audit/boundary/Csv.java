package org.headend.audit.boundary;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * RFC 4180 rows. Fields that a spreadsheet would run as a formula (starting with = + - @) are
 * prefixed with a quote, so an audited name cannot inject one.
 */
final class Csv {

    private Csv() {}

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
