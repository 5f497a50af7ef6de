package org.headend.stream.control;

import static org.headend.stream.entity.StreamState.ERROR;
import static org.headend.stream.entity.StreamState.LIVE;
import static org.headend.stream.entity.StreamState.OFFLINE;
import static org.headend.stream.entity.StreamState.STARTING;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.headend.stream.entity.StreamState;

/**
 * The moves a stream's state may make, in one place. A publisher's claim starts a stream; the
 * transcoder makes it playable or reports it failing (and, restarted, playable again); the
 * publisher's end or a forced disconnect takes it offline from anywhere. {@link LiveStreams}
 * applies these and refuses the rest, so a late report cannot revive or skip a state.
 */
public final class StreamStateMachine {

    private static final Map<StreamState, Set<StreamState>> ALLOWED = Map.of(
            OFFLINE, EnumSet.of(STARTING),
            STARTING, EnumSet.of(LIVE, ERROR, OFFLINE),
            LIVE, EnumSet.of(ERROR, OFFLINE),
            ERROR, EnumSet.of(LIVE, OFFLINE));

    private StreamStateMachine() {}

    /** Whether a stream in {@code from} may move to {@code to}; staying where it is is no move. */
    public static boolean allows(StreamState from, StreamState to) {
        return from != to && ALLOWED.get(from).contains(to);
    }
}
