package org.headend.ingest.control;

import java.util.Map;
import org.headend.platform.ConfigTemplate;

/** Renders the nginx-rtmp template: every {@code ${NAME}} placeholder must have a value. */
public final class NginxConfig {

    private NginxConfig() {}

    public static String render(String template, Map<String, String> values) {
        return ConfigTemplate.render(template, values, "nginx");
    }
}
