package org.headend.ingest.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.headend.platform.SecureTokens;

/**
 * The one-off keys under which the app's own relays (SRT/UDP listeners, WHIP bridges) publish into
 * the local nginx-rtmp: only this app knows them, so {@link PublishAuthorizer} takes a publish
 * under one as the stream's publisher. A key lives from {@link #issue} to {@link #revoke}, in
 * memory only: a restart of the app forgets them along with the relays that used them.
 */
@ApplicationScoped
public class RelayKeys {

    private static final String PREFIX = "relay_";

    private final Map<String, String> streamByKey = new ConcurrentHashMap<>();

    /** A fresh key for a relay of stream {@code streamId}. */
    public String issue(String streamId) {
        String key = PREFIX + SecureTokens.urlSafe(24);
        streamByKey.put(key, streamId);
        return key;
    }

    /** The stream a publish under this name relays, if it is a live key of ours. */
    public Optional<String> streamFor(String publishName) {
        if (publishName == null || !publishName.startsWith(PREFIX)) {
            return Optional.empty();
        }
        // Compared in constant time, one by one: a timing must not tell how much of a key is right.
        byte[] candidate = publishName.getBytes(StandardCharsets.UTF_8);
        String found = null;
        for (Map.Entry<String, String> e : streamByKey.entrySet()) {
            if (MessageDigest.isEqual(candidate, e.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The key publishes nothing any more; harmless for an unknown key. */
    public void revoke(String key) {
        if (key != null) {
            streamByKey.remove(key);
        }
    }
}
