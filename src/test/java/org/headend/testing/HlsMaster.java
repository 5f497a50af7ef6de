package org.headend.testing;

import java.net.URI;
import java.time.Duration;

/** Reads a master playlist the way a player starts: its first variant's media playlist. */
public final class HlsMaster {

    private HlsMaster() {}

    /** Waits until {@code masterUrl} lists a variant; that variant's absolute URL, query kept for signed URLs. */
    public static String firstVariant(String masterUrl, Duration deadline) {
        return Await.until("a variant in " + masterUrl, deadline, () -> {
            var reply = Api.fetch(masterUrl);
            if (reply.status() != 200) {
                return null;
            }
            return reply.body()
                    .lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .findFirst()
                    .map(variant -> URI.create(masterUrl).resolve(variant).toString())
                    .orElse(null);
        });
    }
}
