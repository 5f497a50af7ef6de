package org.headend.stream.control;

import static org.headend.stream.entity.StreamState.ERROR;
import static org.headend.stream.entity.StreamState.LIVE;
import static org.headend.stream.entity.StreamState.OFFLINE;
import static org.headend.stream.entity.StreamState.STARTING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.headend.stream.entity.StreamState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StreamStateMachineTest {

    /** The only moves a stream makes; every other pair of states, and staying put, is refused. */
    static final Set<List<StreamState>> ALLOWED = Set.of(
            List.of(OFFLINE, STARTING),
            List.of(STARTING, LIVE),
            List.of(STARTING, ERROR),
            List.of(STARTING, OFFLINE),
            List.of(LIVE, ERROR),
            List.of(LIVE, OFFLINE),
            List.of(ERROR, LIVE),
            List.of(ERROR, OFFLINE));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (StreamState from : StreamState.values()) {
            for (StreamState to : StreamState.values()) {
                pairs.add(Arguments.of(from, to, ALLOWED.contains(List.of(from, to))));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("everyPair")
    void allowsExactlyTheDocumentedMoves(StreamState from, StreamState to, boolean allowed) {
        assertEquals(allowed, StreamStateMachine.allows(from, to));
    }
}
