package org.headend.origin.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The failover settings every stream's state is made with, read and checked once: the decider's
 * hysteresis, the segment age that makes an origin stale, and the stitched playlists' window.
 */
@ApplicationScoped
public class FailoverSettings {

    @Inject
    @ConfigProperty(name = "headend.origins.fail-after", defaultValue = "2")
    int failAfter;

    @Inject
    @ConfigProperty(name = "headend.origins.recover-after", defaultValue = "5")
    int recoverAfter;

    @Inject
    @ConfigProperty(name = "headend.origins.switchback", defaultValue = "auto")
    String switchback;

    @Inject
    @ConfigProperty(name = "headend.origins.max-segment-age")
    Optional<Duration> maxSegmentAge;

    @Inject
    @ConfigProperty(name = "headend.hls.list-size", defaultValue = "6")
    int listSize;

    private FailoverRules rules;

    @PostConstruct
    void check() {
        if (!switchback.equals("auto") && !switchback.equals("manual")) {
            throw new IllegalStateException("headend.origins.switchback must be auto or manual, not " + switchback);
        }
        rules = new FailoverRules(failAfter, recoverAfter, switchback.equals("auto"));
    }

    /** Made at start-up, so that a wrong setting stops the deployment rather than the first failover. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing is enough: CDI creates the bean, and @PostConstruct checks the settings.
    }

    /** A new stream's failover state; a stale segment age of null means twice the target duration. */
    StreamOrigins newStreamState() {
        // One segment fewer than the packager lists: the oldest may be deleted while players fetch it.
        return new StreamOrigins(rules, maxSegmentAge.orElse(null), Math.max(3, listSize - 1));
    }
}
