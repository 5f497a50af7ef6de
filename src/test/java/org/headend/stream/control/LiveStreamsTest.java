package org.headend.stream.control;

import static org.headend.stream.entity.StreamState.ERROR;
import static org.headend.stream.entity.StreamState.LIVE;
import static org.headend.stream.entity.StreamState.OFFLINE;
import static org.headend.stream.entity.StreamState.STARTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.headend.stream.entity.StreamState;
import org.headend.stream.entity.StreamStateChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveStreamsTest {

    LiveStreams cut;
    List<StreamStateChanged> announced;

    @BeforeEach
    void claimed() {
        announced = new ArrayList<>();
        cut = new LiveStreams();
        cut.changes = new Recorded(announced);
        assertTrue(cut.claim("s1", "townhall", "client-1"));
    }

    @Test
    void aClaimStartsTheStreamOnce() {
        assertFalse(cut.claim("s1", "townhall", "client-2"), "a second publisher is refused");
        assertEquals(List.of(move(OFFLINE, STARTING)), moves());
    }

    @Test
    void playableThenFailingThenPlayableAgain() {
        assertTrue(cut.moveTo("s1", LIVE));
        assertTrue(cut.moveTo("s1", ERROR));
        assertTrue(cut.moveTo("s1", LIVE));

        assertEquals(LIVE, cut.status("s1", "townhall").state());
        assertEquals(
                List.of(move(OFFLINE, STARTING), move(STARTING, LIVE), move(LIVE, ERROR), move(ERROR, LIVE)), moves());
    }

    @Test
    void aRefusedMoveChangesNothingAndAnnouncesNothing() {
        assertTrue(cut.moveTo("s1", LIVE));

        assertFalse(cut.moveTo("s1", STARTING), "a playable stream does not start again");
        assertFalse(cut.moveTo("s1", LIVE), "staying put is no move");

        assertEquals(LIVE, cut.status("s1", "townhall").state());
        assertEquals(List.of(move(OFFLINE, STARTING), move(STARTING, LIVE)), moves());
    }

    @Test
    void anOfflineStreamIsNotRevivedByALateReport() {
        cut.release("client-1");

        assertFalse(cut.moveTo("s1", LIVE));
        assertEquals(OFFLINE, cut.status("s1", "townhall").state());
        assertEquals(List.of(move(OFFLINE, STARTING), move(STARTING, OFFLINE)), moves());
    }

    @Test
    void endingTakesAFailingStreamOffline() {
        cut.moveTo("s1", ERROR);

        cut.end("s1");

        assertEquals(OFFLINE, cut.status("s1", "townhall").state());
        assertEquals(move(ERROR, OFFLINE), moves().get(moves().size() - 1));
    }

    private List<List<StreamState>> moves() {
        return announced.stream().map(c -> move(c.from(), c.to())).toList();
    }

    private static List<StreamState> move(StreamState from, StreamState to) {
        return List.of(from, to);
    }

    /** Collects what LiveStreams announces, in order, with no container. */
    record Recorded(List<StreamStateChanged> into) implements Event<StreamStateChanged> {

        @Override
        public void fire(StreamStateChanged event) {
            into.add(event);
        }

        @Override
        public <U extends StreamStateChanged> CompletionStage<U> fireAsync(U event) {
            into.add(event);
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public <U extends StreamStateChanged> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            return fireAsync(event);
        }

        @Override
        public Event<StreamStateChanged> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends StreamStateChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends StreamStateChanged> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
