package org.headend.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.headend.stream.entity.InputType;
import org.headend.stream.entity.Stream;
import org.headend.stream.entity.StreamInput;
import org.junit.jupiter.api.Test;

class AdoptionTest {

    static final Stream RTMP = new Stream("townhall", "passthrough");

    static Stream srt() {
        var stream = new Stream("field-feed", "passthrough");
        stream.takeInputFrom(new StreamInput(InputType.SRT, 9000, null, null, null));
        return stream;
    }

    @Test
    void aPublisherOnAnRtmpStreamIsAdopted() {
        assertEquals(Adoption.ADOPT, Adoption.of(Optional.of(RTMP), false));
    }

    @Test
    void aPublisherThisRunAlreadyTookInIsKept() {
        assertEquals(Adoption.KEEP, Adoption.of(Optional.of(RTMP), true));
        assertEquals(Adoption.KEEP, Adoption.of(Optional.of(srt()), true), "this run's own relay");
    }

    @Test
    void aPublisherOnANameThatIsNoStreamIsDropped() {
        assertEquals(Adoption.DROP, Adoption.of(Optional.empty(), false));
    }

    @Test
    void theRelayOfTheRunBeforeIsDroppedNotAdopted() {
        assertEquals(Adoption.DROP, Adoption.of(Optional.of(srt()), false));
    }
}
