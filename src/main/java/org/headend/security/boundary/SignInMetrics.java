package org.headend.security.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.headend.platform.metrics.OutcomeCounter;

/**
 * Sign-in attempts (passwords for the API and the console, and OIDC), exported as
 * {@code headend_sign_ins_total{result}}: a rise of refused or locked attempts is what an alert on
 * password guessing watches.
 */
@ApplicationScoped
public class SignInMetrics {

    static final String ACCEPTED = "accepted";
    static final String REFUSED = "refused";
    static final String LOCKED = "locked";
    static final String NO_ROLE = "no-role";

    @Inject
    MetricRegistry metrics;

    private OutcomeCounter signIns;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        signIns = new OutcomeCounter(
                metrics,
                "headend_sign_ins",
                "Sign-in attempts (API tokens, console passwords and OIDC), by result",
                List.of(ACCEPTED, REFUSED, LOCKED, NO_ROLE));
    }

    void count(String result) {
        signIns.count(result);
    }
}
