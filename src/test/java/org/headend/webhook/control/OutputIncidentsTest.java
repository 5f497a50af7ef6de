package org.headend.webhook.control;

import static org.headend.output.entity.OutputState.CONNECTING;
import static org.headend.output.entity.OutputState.FAILED;
import static org.headend.output.entity.OutputState.LIVE;
import static org.headend.output.entity.OutputState.RETRYING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.headend.output.entity.OutputState;
import org.headend.output.entity.OutputStateChanged;
import org.headend.webhook.entity.EventType;
import org.junit.jupiter.api.Test;

class OutputIncidentsTest {

    private final OutputIncidents cut = new OutputIncidents();

    @Test
    void aLostDestinationIsOneFailureHoweverManyRetriesThenOneRecovery() {
        List<String> heard =
                walk("o1", CONNECTING, LIVE, RETRYING, CONNECTING, RETRYING, CONNECTING, RETRYING, CONNECTING, LIVE);
        assertEquals(List.of("output.failed", "output.recovered"), heard);
    }

    @Test
    void anOutputThatNeverWasLiveIsOnlyAnnouncedWhenItGivesUp() {
        assertEquals(List.of(), walk("o2", CONNECTING, RETRYING, CONNECTING, RETRYING));
        assertEquals(List.of("output.failed"), walk("o2", RETRYING, FAILED));
    }

    @Test
    void givingUpAfterAnAnnouncedLossSaysNothingMore() {
        assertEquals(List.of("output.failed"), walk("o3", CONNECTING, LIVE, RETRYING, CONNECTING, RETRYING, FAILED));
    }

    @Test
    void aFirstLiveIsNoRecoveryAndOutputsAreTrackedApart() {
        assertEquals(List.of(), walk("o4", CONNECTING, LIVE));
        assertEquals(List.of("output.failed"), walk("o5", CONNECTING, LIVE, RETRYING));
        assertEquals(List.of(), walk("o4", CONNECTING, LIVE), "o5's incident is not o4's");
        assertEquals(List.of("output.recovered"), walk("o5", CONNECTING, LIVE));
    }

    /** Feeds the output's moves through the states given, returning the events announced. */
    private List<String> walk(String outputId, OutputState... states) {
        List<String> heard = new ArrayList<>();
        for (int i = 1; i < states.length; i++) {
            cut.eventFor(new OutputStateChanged(
                            outputId, "s1", "townhall", "youtube", states[i - 1], states[i], null, Instant.now()))
                    .map(EventType::wire)
                    .ifPresent(heard::add);
        }
        return heard;
    }
}
