package org.headend.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts sign-in attempts by result, registered at start so every result shows from the first
 * scrape: a rise of refused or locked attempts is what an alert on password guessing watches.
 */
@ApplicationScoped
public class SignInMetrics {

    /** Exported as {@code headend_sign_ins_total{result=...}}. */
    static final String SIGN_INS = "headend_sign_ins";

    static final String ACCEPTED = "accepted";
    static final String REFUSED = "refused";
    static final String LOCKED = "locked";
    static final String NO_ROLE = "no-role";

    @Inject
    MetricRegistry metrics;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String result : new String[] {ACCEPTED, REFUSED, LOCKED, NO_ROLE}) {
            count(result, 0);
        }
    }

    void count(String result) {
        count(result, 1);
    }

    private void count(String result, long n) {
        var metadata = Metadata.builder()
                .withName(SIGN_INS)
                .withDescription("Sign-in attempts (API tokens), by result")
                .build();
        metrics.counter(metadata, new Tag("result", result)).inc(n);
    }
}
