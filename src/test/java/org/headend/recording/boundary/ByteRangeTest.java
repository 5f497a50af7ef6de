package org.headend.recording.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    private static final long SIZE = 1000;

    @Test
    void noHeaderOtherUnitsAndSeveralRangesMeanTheWholeFile() {
        assertTrue(ByteRange.parse(null, SIZE).isEmpty());
        assertTrue(ByteRange.parse(" ", SIZE).isEmpty());
        assertTrue(ByteRange.parse("items=0-5", SIZE).isEmpty());
        assertTrue(ByteRange.parse("bytes=0-1,5-6", SIZE).isEmpty());
    }

    @Test
    void closedOpenAndSuffixRanges() {
        assertEquals(Optional.of(new ByteRange(0, 99)), ByteRange.parse("bytes=0-99", SIZE));
        assertEquals(Optional.of(new ByteRange(500, 999)), ByteRange.parse("bytes=500-", SIZE));
        assertEquals(Optional.of(new ByteRange(900, 999)), ByteRange.parse("bytes=-100", SIZE));
        assertEquals(Optional.of(new ByteRange(0, 999)), ByteRange.parse("bytes=-5000", SIZE));
        assertEquals(Optional.of(new ByteRange(990, 999)), ByteRange.parse("BYTES=990-5000", SIZE));
    }

    @Test
    void lengthAndContentRange() {
        var range = new ByteRange(10, 19);
        assertEquals(10, range.length());
        assertEquals("bytes 10-19/1000", range.contentRange(SIZE));
    }

    @Test
    void rangesOutsideTheFileOrMalformedAreUnsatisfiable() {
        for (String bad : new String[] {"bytes=1000-", "bytes=5-4", "bytes=-0", "bytes=x-5", "bytes=5", "bytes=-"}) {
            assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse(bad, SIZE), bad);
        }
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=0-", 0));
    }
}
