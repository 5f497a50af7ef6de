package org.headend.multicast.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * One run of a source as datagrams with their send instants: reads TS packets, rewrites their counters, feeds PCRs
 * to the pacer and groups packets by 7. A datagram waits until the PCR after it gives it an instant (then it is
 * ready); with no PCR for too long it gets the last rate's instant instead. Reading ahead is bounded, so a file read
 * at disk speed holds no more than about the buffering delay in memory.
 */
final class SourceRun {

    /** Datagrams waiting for a PCR at most (~1.3 MB); older ones go out at the last known rate. */
    static final int MAX_WAITING = 1000;
    /** Datagrams held in all at most, whatever the bitrate (~5 MB). */
    static final int MAX_HELD = 4000;

    private static final byte[] NULL_PACKET = nullPacket();

    private final InputStream in;
    private final TsPacketReader reader;
    private final PcrPidSelector clock;
    private final ContinuityRewriter continuity;
    private final PcrPacer pacer;
    private final ArrayDeque<Datagram> waiting = new ArrayDeque<>();
    private final ArrayDeque<Datagram> ready = new ArrayDeque<>();
    private Datagram current = new Datagram();
    private long pos;
    private boolean ended;

    SourceRun(InputStream in, PcrPidSelector clock, ContinuityRewriter continuity, PcrPacer pacer) {
        // One read call for many packets, not one per 188 bytes; a pipe still hands over whatever it has.
        this.in = new BufferedInputStream(in, 16 * MulticastSender.TS_BYTES);
        this.reader = new TsPacketReader(this.in);
        this.clock = clock;
        this.continuity = continuity;
        this.pacer = pacer;
    }

    /** The next datagram with its instant, reading (blocking) as needed; null at the end of the run. */
    Datagram next() throws IOException {
        while (ready.isEmpty()) {
            if (ended) {
                return flush();
            }
            readPacket();
        }
        return ready.poll();
    }

    /**
     * Reads what the source already has while the ready datagrams reach less than aheadNanos past now, so that a
     * live source's pipe never fills while a datagram is waited for. Never blocks unless the source lies about
     * available(). Stops margin before due, which is what the caller waits for.
     */
    void readAhead(long now, long aheadNanos, long due, long marginNanos) throws IOException {
        while (!ended
                && due - System.nanoTime() > marginNanos
                && waiting.size() + ready.size() < MAX_HELD
                && (ready.isEmpty()
                        || due(ready.peekLast()) == PcrPacer.IMMEDIATE
                        || due(ready.peekLast()) - now < aheadNanos)
                && in.available() >= TsPackets.SIZE) {
            readPacket();
        }
    }

    long resyncs() {
        return reader.resyncs();
    }

    private void readPacket() throws IOException {
        byte[] b = current.bytes;
        int off = current.end();
        if (!reader.next(b, off)) {
            ended = true;
            return;
        }
        clock.observe(b, off);
        continuity.rewrite(b, off);
        if (clock.isPcrPid(TsPackets.pid(b, off))) {
            long pcr = TsPackets.pcr(b, off);
            if (pcr >= 0) {
                pacer.pcr(pos, pcr, TsPackets.discontinuity(b, off), System.nanoTime());
            }
        }
        current.lastPacketAt = pos;
        pos += TsPackets.SIZE;
        if (++current.packets == MulticastSender.PACKETS_PER_DATAGRAM) {
            waiting.add(current);
            current = new Datagram();
        }
        while (!waiting.isEmpty() && pacer.due(waiting.peek().lastPacketAt) != PcrPacer.NOT_YET) {
            schedule(pacer.due(waiting.peek().lastPacketAt));
        }
        while (waiting.size() > MAX_WAITING) {
            schedule(pacer.extrapolate(waiting.peek().lastPacketAt));
        }
    }

    private void schedule(long due) {
        Datagram d = waiting.poll();
        d.due = due;
        d.shiftAtSchedule = pacer.totalShift();
        ready.add(d);
    }

    /** The datagram's instant now: moved by the shifts made since it was scheduled. */
    long due(Datagram d) {
        return d.due == PcrPacer.IMMEDIATE ? d.due : d.due + pacer.totalShift() - d.shiftAtSchedule;
    }

    /** After the end: what still waits for a PCR, at the last rate, then the last few packets padded. */
    private Datagram flush() {
        if (!waiting.isEmpty()) {
            schedule(pacer.extrapolate(waiting.peek().lastPacketAt));
            return ready.poll();
        }
        if (current.packets > 0) {
            // Null packets pad the run's last datagram: every datagram stays 1,316 bytes.
            while (current.packets < MulticastSender.PACKETS_PER_DATAGRAM) {
                System.arraycopy(NULL_PACKET, 0, current.bytes, current.end(), TsPackets.SIZE);
                current.packets++;
            }
            Datagram last = current;
            last.due = pacer.extrapolate(last.lastPacketAt);
            last.shiftAtSchedule = pacer.totalShift();
            current = new Datagram();
            return last;
        }
        return null;
    }

    private static byte[] nullPacket() {
        byte[] p = new byte[TsPackets.SIZE];
        java.util.Arrays.fill(p, (byte) 0xFF);
        p[0] = TsPackets.SYNC;
        p[1] = 0x1F;
        p[2] = (byte) 0xFF;
        p[3] = 0x10; // payload only, counter 0: receivers ignore null packets' counters
        return p;
    }

    /** 7 TS packets with room for the RTP header in front, so RTP costs no copy. */
    static final class Datagram {
        final byte[] bytes = new byte[RtpHeader.SIZE + MulticastSender.TS_BYTES];
        int packets;
        long lastPacketAt;
        long due;
        long shiftAtSchedule;

        int end() {
            return RtpHeader.SIZE + packets * TsPackets.SIZE;
        }
    }
}
