package org.headend.worker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.headend.worker.entity.WorkerAddress;
import org.headend.worker.entity.WorkerCapabilities;
import org.headend.worker.entity.WorkerState;
import org.junit.jupiter.api.Test;

/** A worker's states and the attempts that move them, without any SSH. */
class WorkerSessionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final WorkerAddress ADDRESS =
            new WorkerAddress("gpu-1", "10.0.0.21", 22, "headend", "ssh-ed25519 AAAA");
    private static final WorkerCapabilities CAN =
            new WorkerCapabilities("6.1.1", Set.of("libx264"), List.of(), false, 8, 0.5);

    private static WorkerHost host() {
        return new WorkerHost("gpu-1", 2, CAN, null, "10.0.0.1", "10.0.0.21");
    }

    private final WorkerSession session = new WorkerSession(ADDRESS, 2, false, T0);

    @Test
    void aNewWorkerIsDownWhileItConnectsThenUp() {
        int attempt = session.reconnect(ADDRESS, 2, T0).next();
        assertEquals(WorkerState.DOWN, session.status().state());
        assertEquals("connecting", session.status().reason());
        assertFalse(session.isAvailable());

        assertTrue(session.up(attempt, null, host(), T0.plusSeconds(1)));
        assertEquals(WorkerState.UP, session.status().state());
        assertEquals(T0.plusSeconds(1), session.status().since());
        assertEquals(8, session.status().capabilities().cores());
        assertTrue(session.isAvailable());
    }

    @Test
    void aFailedConnectIsDownWithItsReasonAndCountsForTheBackoff() {
        int attempt = session.reconnect(ADDRESS, 2, T0).next();
        var ended = session.down(attempt, "connection refused", T0).orElseThrow();
        assertFalse(ended.wasLinked(), "it never was UP: nothing to place again");
        assertEquals("connection refused", session.status().reason());
        assertEquals("connection refused", session.status().lastError());
        assertEquals(1, session.failures());

        int retry = session.retry(attempt);
        session.down(retry, "connection refused", T0).orElseThrow();
        assertEquals(2, session.failures());
        assertTrue(session.up(session.retry(retry), null, host(), T0));
        assertEquals(0, session.failures());
        assertEquals("connection refused", session.status().lastError(), "kept for the operator");
    }

    @Test
    void losingAnUpWorkerSaysItWasLinked() {
        int attempt = session.reconnect(ADDRESS, 2, T0).next();
        session.up(attempt, null, host(), T0);
        var ended = session.down(attempt, "the link was lost", T0).orElseThrow();
        assertTrue(ended.wasLinked());
        assertTrue(session.host().isEmpty());
    }

    @Test
    void whatAnEarlierAttemptReportsIsIgnored() {
        int first = session.reconnect(ADDRESS, 2, T0).next();
        session.up(first, null, host(), T0);
        session.down(first, "the link was lost", T0);
        int second = session.retry(first);
        assertTrue(session.up(second, null, host(), T0));

        assertTrue(session.down(first, "the old link's loss, late", T0).isEmpty());
        assertFalse(session.load(first, 9.0));
        assertEquals(0, session.retry(first), "a retry planned before is stale");
        assertEquals(WorkerState.UP, session.status().state());

        int changed = session.reconnect(ADDRESS, 4, T0).next();
        assertFalse(session.up(second, null, host(), T0), "a connect from before the change is dropped");
        assertTrue(session.up(changed, null, host(), T0));
        session.close();
        assertTrue(session.down(changed, "closed", T0).isEmpty(), "nothing moves once removed");
    }

    @Test
    void aDrainedWorkerIsDrainingWhileLinkedAndStaysDrainedWhileDown() {
        int attempt = session.reconnect(ADDRESS, 2, T0).next();
        session.up(attempt, null, host(), T0);
        assertTrue(session.drain(T0));
        assertEquals(WorkerState.DRAINING, session.status().state());
        assertEquals(WorkerSession.DRAINED, session.status().reason());
        assertFalse(session.isAvailable());
        assertTrue(session.host().isPresent(), "still linked: its jobs are moved off it");

        session.down(attempt, "the link was lost", T0);
        int next = session.retry(attempt);
        session.up(next, null, host(), T0);
        assertEquals(WorkerState.DRAINING, session.status().state(), "a drain outlives a reconnect");

        assertTrue(session.undrain(T0));
        assertEquals(WorkerState.UP, session.status().state());
        assertTrue(session.isAvailable());
    }

    @Test
    void aWorkerRegisteredDrainedComesUpDraining() {
        var drained = new WorkerSession(ADDRESS, 2, true, T0);
        assertTrue(drained.up(drained.reconnect(ADDRESS, 2, T0).next(), null, host(), T0));
        assertEquals(WorkerState.DRAINING, drained.status().state());
    }

    @Test
    void newSlotsKeepTheLink() {
        int attempt = session.reconnect(ADDRESS, 2, T0).next();
        session.up(attempt, null, host(), T0);
        session.resize(6);
        assertEquals(6, session.host().orElseThrow().slots());
        assertTrue(session.load(attempt, 1.0), "the same attempt goes on");
    }

    @Test
    void loadReadingsUpdateTheCapabilitiesAndTheHost() {
        int attempt = session.reconnect(ADDRESS, 2, T0).next();
        session.up(attempt, null, host(), T0);
        assertTrue(session.load(attempt, 3.25));
        assertEquals(3.25, session.status().capabilities().load());
        assertEquals(3.25, session.host().orElseThrow().capabilities().load());
    }
}
