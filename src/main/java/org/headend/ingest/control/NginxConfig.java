package org.headend.ingest.control;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders the nginx-rtmp template: every {@code ${NAME}} placeholder must have a value. */
public final class NginxConfig {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private NginxConfig() {}

    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for ${" + m.group(1) + "} in the nginx template");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
