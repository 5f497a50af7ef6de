package org.headend.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NginxConfigTest {

    /** Every placeholder of server-config/nginx.conf.template, with the values NginxSupervisor would give. */
    static final Map<String, String> SAMPLE_VALUES = Map.ofEntries(
            Map.entry("PLAYBACK_SECRET", "playback-secret-0123456789"),
            Map.entry("PUBLIC_ROOT", "/home/headend/var/playback/public"),
            Map.entry("VIEWER_LOG_PORT", "40123"),
            Map.entry("PREFIX", "/home/headend/var/nginx"),
            Map.entry("RTMP_MODULE", "/usr/lib/nginx/modules/ngx_rtmp_module.so"),
            Map.entry("USER_DIRECTIVE", ""),
            Map.entry("RTMP_BIND", "0.0.0.0"),
            Map.entry("RTMP_PORT", "1935"),
            Map.entry("HLS_BIND", "0.0.0.0"),
            Map.entry("HLS_PORT", "8088"),
            Map.entry("HLS_ROOT", "/home/headend/var/hls"),
            Map.entry("HOOK_BASE", "http://127.0.0.1:8080/api/hooks/rtmp"),
            Map.entry("HOOK_SECRET", "s3cr3t"));

    @Test
    void replacesEveryPlaceholder() {
        String rendered =
                NginxConfig.render("listen ${RTMP_BIND}:${RTMP_PORT}; pid ${PREFIX}/nginx.pid;", SAMPLE_VALUES);

        assertEquals("listen 0.0.0.0:1935; pid /home/headend/var/nginx/nginx.pid;", rendered);
    }

    @Test
    void aMissingValueIsNamed() {
        var refused = assertThrows(
                IllegalArgumentException.class,
                () -> NginxConfig.render("listen ${RTMP_BIND}:${NO_SUCH_PORT};", SAMPLE_VALUES));

        assertTrue(refused.getMessage().contains("NO_SUCH_PORT"), refused.getMessage());
    }

    @Test
    void dollarsAndBackslashesInValuesAreKeptLiterally() {
        String rendered = NginxConfig.render(
                "secret=${HOOK_SECRET} root=${HLS_ROOT}",
                Map.of("HOOK_SECRET", "a$1b${X}c", "HLS_ROOT", "C:\\hls\\$0"));

        assertEquals("secret=a$1b${X}c root=C:\\hls\\$0", rendered);
    }

    @Test
    void nginxVariablesAreNotPlaceholders() {
        String line = "if ($request_method = OPTIONS) { return 204; } location ~ \\.m3u8$ {";

        assertEquals(line, NginxConfig.render(line, Map.of()));
    }

    @Test
    void rendersTheRealTemplateCompletely() throws Exception {
        String template = Files.readString(Paths.get("server-config/nginx.conf.template"));

        String rendered = NginxConfig.render(template, SAMPLE_VALUES);

        assertFalse(rendered.contains("${"), rendered);
        assertTrue(rendered.contains("listen 0.0.0.0:1935;"), rendered);
        assertTrue(
                rendered.contains("on_publish http://127.0.0.1:8080/api/hooks/rtmp/publish?secret=s3cr3t;"), rendered);
        assertTrue(rendered.contains("alias /home/headend/var/hls/;"), rendered);
    }
}
