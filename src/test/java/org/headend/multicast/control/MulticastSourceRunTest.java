package org.headend.multicast.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SourceRun: TS packets in, datagrams with their instants out. */
class MulticastSourceRunTest {

    private final PcrPidSelector clock = new PcrPidSelector();
    private final ContinuityRewriter continuity = new ContinuityRewriter();
    private final PcrPacer pacer = new PcrPacer(200_000_000L);

    @Test
    void withoutPcrEverythingGoesAtOnce() throws IOException {
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            packets.add(SampleTs.payload(256, i));
        }

        List<SourceRun.Datagram> datagrams = all(run(packets));

        assertEquals(2, datagrams.size());
        assertTrue(datagrams.stream().allMatch(d -> d.due == PcrPacer.IMMEDIATE));
    }

    @Test
    void datagramsBetweenPcrsAreSpreadOverTheirTime() throws IOException {
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < 29; i++) { // a PCR every 7 packets, 10 ms apart
            packets.add(i % 7 == 0 ? SampleTs.pcr(256, i, (i / 7) * 270_000L, false) : SampleTs.payload(256, i));
        }

        List<SourceRun.Datagram> datagrams = all(run(packets));

        assertEquals(5, datagrams.size(), "29 packets: 4 datagrams and a padded fifth");
        for (int i = 1; i < 4; i++) {
            // Each datagram's last packet is 7 packets (10 ms of stream) after the one before.
            assertEquals(10_000_000L, datagrams.get(i).due - datagrams.get(i - 1).due, 1000);
        }
        SourceRun.Datagram last = datagrams.get(4);
        assertEquals(7, last.packets);
        assertEquals(TsPackets.NULL_PID, TsPackets.pid(last.bytes, RtpHeader.SIZE + 188), "padded with null packets");
    }

    @Test
    void theEndOfTheSourceEndsTheRun() throws IOException {
        SourceRun cut = run(List.of());

        assertNull(cut.next());
    }

    private SourceRun run(List<byte[]> packets) {
        byte[] ts = SampleTs.concat(packets.toArray(byte[][]::new));
        return new SourceRun(new ByteArrayInputStream(ts), clock, continuity, pacer);
    }

    private static List<SourceRun.Datagram> all(SourceRun run) throws IOException {
        List<SourceRun.Datagram> datagrams = new ArrayList<>();
        for (SourceRun.Datagram d = run.next(); d != null; d = run.next()) {
            datagrams.add(d);
        }
        return datagrams;
    }
}
