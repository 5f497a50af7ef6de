package org.headend.stream.control;

import java.util.regex.Pattern;
import org.headend.platform.ApiException;

/**
 * Stream and ladder names end up in HLS paths, metric labels and process arguments, so they are
 * held to a safe alphabet: 1-63 lowercase letters, digits and dashes, not starting with a dash.
 */
public final class StreamNames {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private StreamNames() {}

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    public static String require(String field, String name) {
        if (!isValid(name)) {
            throw ApiException.invalid(
                    field,
                    "'" + field + "' must be 1-63 lowercase letters, digits and dashes, "
                            + "starting with a letter or digit.");
        }
        return name;
    }
}
