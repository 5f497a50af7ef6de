package org.headend.origin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.headend.origin.control.FailoverDecider.Decision;
import org.headend.origin.entity.OriginSwitched;

/** Tells the rest of the app, and the log, that a stream plays from another origin now. */
@ApplicationScoped
public class SwitchAnnouncer {

    private static final Logger LOG = Logger.getLogger(SwitchAnnouncer.class.getName());

    @Inject
    Event<OriginSwitched> switched;

    /** True when the decision switched origins (and it was announced). */
    boolean announce(String streamId, String name, List<OriginSource> sources, Decision decision) {
        if (decision.kind().isEmpty()) {
            return false;
        }
        var kind = decision.kind().get();
        switched.fire(new OriginSwitched(
                streamId,
                name,
                nameOf(sources, decision.previous()),
                nameOf(sources, decision.active()),
                kind,
                Instant.now()));
        LOG.info(() -> "Stream " + name + " plays from origin " + nameOf(sources, decision.active()) + " (" + kind
                + (decision.previous() == null ? "" : ", was " + nameOf(sources, decision.previous())) + ")");
        return true;
    }

    private static String nameOf(List<OriginSource> sources, String id) {
        return id == null
                ? null
                : sources.stream()
                        .filter(s -> s.id().equals(id))
                        .map(OriginSource::name)
                        .findFirst()
                        .orElse(id);
    }
}
