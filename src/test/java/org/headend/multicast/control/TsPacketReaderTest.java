package org.headend.multicast.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class TsPacketReaderTest {

    @Test
    void readsAlignedPacketsAndStopsAtTheEnd() throws IOException {
        TsPacketReader cut = reader(SampleTs.concat(SampleTs.payload(100, 0), SampleTs.payload(101, 5)));
        byte[] buffer = new byte[188];

        assertTrue(cut.next(buffer, 0));
        assertEquals(100, TsPackets.pid(buffer, 0));
        assertTrue(cut.next(buffer, 0));
        assertEquals(101, TsPackets.pid(buffer, 0));
        assertFalse(cut.next(buffer, 0));
        assertEquals(0, cut.resyncs());
    }

    @Test
    void skipsGarbageToTheNextSyncByte() throws IOException {
        byte[] garbage = {1, 2, 3, 4, 5};
        TsPacketReader cut = reader(SampleTs.concat(garbage, SampleTs.payload(100, 1), SampleTs.payload(101, 2)));
        byte[] buffer = new byte[200];

        assertTrue(cut.next(buffer, 12));
        assertEquals(100, TsPackets.pid(buffer, 12));
        assertEquals(1, TsPackets.continuityCounter(buffer, 12));
        assertTrue(cut.next(buffer, 12));
        assertEquals(101, TsPackets.pid(buffer, 12));
        assertEquals(1, cut.resyncs());
    }

    @Test
    void survivesShortReads() throws IOException {
        byte[] ts = SampleTs.concat(SampleTs.payload(100, 0), SampleTs.payload(101, 1), SampleTs.payload(102, 2));
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(ts)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7)); // a pipe handing over a few bytes at a time
            }
        };
        TsPacketReader cut = new TsPacketReader(trickle);
        byte[] buffer = new byte[188];

        for (int pid = 100; pid <= 102; pid++) {
            assertTrue(cut.next(buffer, 0));
            assertEquals(pid, TsPackets.pid(buffer, 0));
        }
        assertEquals(0, cut.resyncs());
    }

    @Test
    void dropsAPacketCutByTheEnd() throws IOException {
        byte[] ts = SampleTs.concat(SampleTs.payload(100, 0), java.util.Arrays.copyOf(SampleTs.payload(101, 1), 100));
        TsPacketReader cut = reader(ts);
        byte[] buffer = new byte[188];

        assertTrue(cut.next(buffer, 0));
        assertFalse(cut.next(buffer, 0));
    }

    private static TsPacketReader reader(byte[] bytes) {
        return new TsPacketReader(new ByteArrayInputStream(bytes));
    }
}
