package org.headend.multicast.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;
import org.headend.multicast.entity.MulticastFormat;

/**
 * Sends one stream's MPEG-TS to a multicast group in datagrams of 7 TS packets (1,316 bytes, the size every IPTV
 * receiver expects, under a 1,500-byte MTU even with RTP), paced by the stream's PCR so the wire sees the stream's
 * own bitrate rather than the bursts a pipe delivers. Each send() is one run of the source; a later run is a source
 * restart, which re-anchors pacing and keeps continuity counters continuous, so receivers see no loss. Datagrams
 * leave a buffering delay (200 ms by default) after the first PCR of a run, on the stream's clock from then on; a
 * source that delivers late moves the schedule instead of being caught up in a burst, and the lost time is made good
 * at 5 % over the stream's rate (PcrPacer). The figures of stats() are defined in SenderMeter: jitter is RFC 3550's
 * smoothed gap deviation (actual gap minus scheduled gap), drift how far sending is behind the stream's clock.
 *
 * <p>One thread per sender: send() runs on the caller's thread and waits between datagrams with parkNanos and a
 * short spin; close() from any thread ends it.
 */
public final class MulticastSender implements AutoCloseable {

    static final int PACKETS_PER_DATAGRAM = 7;
    static final int TS_BYTES = PACKETS_PER_DATAGRAM * TsPackets.SIZE;
    public static final long DEFAULT_DELAY_NANOS = 200_000_000L;
    /** Later than this, a datagram moves the schedule instead of being caught up in a burst. */
    static final long LATE_NANOS = 10_000_000L;
    /** The last stretch of a wait is spun: parkNanos wakes ~50-100 us late; longer spins cost more than they gain. */
    static final long SPIN_NANOS = 20_000L;

    /** A wait longer than this first reads what the source has. */
    static final long READ_AHEAD_MARGIN_NANOS = 500_000L;
    /**
     * How far past the buffering delay the schedule may be read ahead: a live source's backlog after a hiccup is
     * held here rather than in its pipe, where it would stall the ffmpeg writing it; a file is read 1 s ahead.
     */
    static final long READ_AHEAD_EXTRA_NANOS = 1_000_000_000L;

    private static final Logger LOG = Logger.getLogger(MulticastSender.class.getName());

    private final SenderSettings settings;
    private final DatagramChannel channel;
    private final boolean rtp;
    private final PcrPacer pacer;
    private final PcrPidSelector clock = new PcrPidSelector();
    private final ContinuityRewriter continuity = new ContinuityRewriter();
    private final SenderMeter meter = new SenderMeter();
    private final long readAheadNanos;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object running = new Object();
    private final int ssrc = ThreadLocalRandom.current().nextInt();
    private final long rtpEpoch = System.nanoTime();
    private final int rtpTimestampBase = ThreadLocalRandom.current().nextInt();
    private int rtpSequence = ThreadLocalRandom.current().nextInt(1 << 16);
    private Thread sender;
    private InputStream source;

    public MulticastSender(SenderSettings settings) throws IOException {
        this(settings, DEFAULT_DELAY_NANOS);
    }

    /** A sender with another buffering delay: longer for sources that deliver in larger bursts. */
    public MulticastSender(SenderSettings settings, long delayNanos) throws IOException {
        this.settings = settings;
        this.rtp = settings.format() == MulticastFormat.RTP;
        this.pacer = new PcrPacer(delayNanos);
        this.readAheadNanos = delayNanos + READ_AHEAD_EXTRA_NANOS;
        this.channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            if (settings.networkInterface() != null) {
                channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, settings.networkInterface());
            }
            channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, settings.ttl());
            channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            // Connected: the route is looked up once, not for every datagram.
            channel.connect(new InetSocketAddress(settings.group(), settings.port()));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Sends one run of the source (MPEG-TS bytes) until its EOF or close(); paced by PCR. Each call after the first
     * is a source restart: counted, pacing resynchronised, continuity counters kept continuous per PID. Thread-safe
     * against stats()/close() from other threads; one send() at a time.
     */
    public void send(InputStream ts) throws IOException {
        synchronized (running) {
            if (closed.get()) {
                throw new ClosedChannelException();
            }
            if (sender != null) {
                throw new IllegalStateException("already sending to " + settings.group());
            }
            sender = Thread.currentThread();
            source = ts;
        }
        try {
            run(ts);
        } catch (ClosedChannelException | InterruptedIOException e) {
            if (!closed.get()) {
                throw e;
            }
        } finally {
            synchronized (running) {
                sender = null;
                source = null;
                if (closed.get()) {
                    Thread.interrupted(); // close()'s interrupt was meant for this send() only
                }
            }
        }
    }

    private void run(InputStream ts) throws IOException {
        meter.runStarted();
        continuity.restart();
        clock.restart();
        pacer.restart();
        SourceRun run = new SourceRun(ts, clock, continuity, pacer);
        SourceRun.Datagram next;
        while (!closed.get() && (next = run.next()) != null) {
            transmit(next, run);
        }
        if (run.resyncs() > 0) {
            LOG.fine(() -> run.resyncs() + " TS sync losses in a run to " + settings.group());
        }
    }

    private void transmit(SourceRun.Datagram d, SourceRun run) throws IOException {
        boolean paced = d.due != PcrPacer.IMMEDIATE;
        if (paced) {
            waitUntil(d, run);
            if (closed.get()) {
                return;
            }
        }
        long due = run.due(d);
        long now = System.nanoTime();
        long late = paced ? now - due : 0;
        if (late > LATE_NANOS) {
            pacer.shift(late);
        }
        ByteBuffer wire;
        if (rtp) {
            long instant = paced ? due : now;
            int timestamp = rtpTimestampBase + (int) ((instant - rtpEpoch) * 9 / 100_000); // 90 kHz
            RtpHeader.write(d.bytes, rtpSequence, timestamp, ssrc);
            rtpSequence = (rtpSequence + 1) & 0xFFFF;
            wire = ByteBuffer.wrap(d.bytes, 0, RtpHeader.SIZE + TS_BYTES);
        } else {
            wire = ByteBuffer.wrap(d.bytes, RtpHeader.SIZE, TS_BYTES);
        }
        int size = wire.remaining();
        channel.write(wire);
        long drift = paced ? pacer.shiftedSinceAnchor() + (late > LATE_NANOS ? 0 : late) : 0;
        meter.sent(size, paced ? due : Long.MIN_VALUE, now, drift);
    }

    /** Waits for due, reading what the source has meanwhile: a live source's pipe is drained while we wait. */
    private void waitUntil(SourceRun.Datagram d, SourceRun run) throws IOException {
        while (!closed.get()) {
            long now = System.nanoTime();
            long due = run.due(d);
            if (due - now > READ_AHEAD_MARGIN_NANOS) {
                run.readAhead(now, readAheadNanos, due, READ_AHEAD_MARGIN_NANOS);
            }
            long left = due - System.nanoTime();
            if (left <= 0) {
                return;
            }
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
                if (Thread.interrupted() && !closed.get()) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while pacing to " + settings.group());
                }
            } else {
                Thread.onSpinWait();
            }
        }
    }

    public SenderStats stats() {
        return meter.snapshot(System.nanoTime(), Instant.now());
    }

    /**
     * The q-quantile (0.99 for p99) of the gap deviation |actual gap - scheduled gap| over all paced datagrams since
     * this sender was made, in milliseconds: the distribution behind stats().jitterMillis().
     */
    public double gapDeviationMillis(double quantile) {
        return meter.gapDeviationMillis(quantile);
    }

    public SenderSettings settings() {
        return settings;
    }

    /** Idempotent; a running send() returns promptly. A source blocked in a native read returns at its next bytes. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (running) {
            if (sender != null) {
                sender.interrupt();
                closeQuietly(source);
            }
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.fine(() -> "closing " + closeable + ": " + e);
        }
    }
}
