package org.headend.platform;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the configuration templates of the programs the app runs (nginx, Janus): every
 * {@code ${NAME}} placeholder must have a value, so a template and its code cannot drift apart
 * silently.
 */
public final class ConfigTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private ConfigTemplate() {}

    /** {@code template} with its placeholders replaced; {@code program} names it in the error. */
    public static String render(String template, Map<String, String> values, String program) {
        Matcher m = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(
                        "No value for ${" + m.group(1) + "} in the " + program + " template");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
