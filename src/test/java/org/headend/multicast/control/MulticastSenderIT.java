package org.headend.multicast.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.headend.multicast.entity.MulticastFormat;
import org.headend.testing.Await;
import org.headend.testing.Ffprobe;
import org.headend.testing.FreePorts;
import org.headend.testing.MulticastReceiver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real sender to a real multicast group on the loopback interface, received by a socket joined there: datagram
 * sizes, continuity across a source restart, decodability with ffprobe, pacing to real time, and close().
 */
class MulticastSenderIT {

    @TempDir
    static Path dir;

    private static Path sixSeconds;

    @BeforeAll
    static void source() throws Exception {
        sixSeconds = dir.resolve("six-seconds.ts");
        run(
                "ffmpeg",
                "-hide_banner",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=640x360:rate=25",
                "-f",
                "lavfi",
                "-i",
                "sine",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-g",
                "50",
                "-c:a",
                "aac",
                "-t",
                "6",
                "-f",
                "mpegts",
                sixSeconds.toString());
    }

    @Test
    void udpRestartKeepsCountersContinuousPacesToRealTimeAndDecodes() throws Exception {
        InetAddress group = MulticastReceiver.randomGroup();
        int port = FreePorts.next();
        long expected = 2 * datagramsOf(sixSeconds);
        try (MulticastReceiver receiver = MulticastReceiver.join(group, port);
                MulticastSender cut = new MulticastSender(settings(group, port, MulticastFormat.UDP))) {
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(sixSeconds)) {
                cut.send(in);
            }
            double firstRunSeconds = (System.nanoTime() - start) / 1e9;
            try (InputStream in = Files.newInputStream(sixSeconds)) {
                cut.send(in); // the source restarts: its counters start again at 0
            }
            Await.until("all datagrams", Duration.ofSeconds(10), () -> receiver.count() >= expected);
            List<MulticastReceiver.Datagram> datagrams = receiver.datagrams();

            assertEquals(expected, datagrams.size());
            assertTrue(datagrams.stream().allMatch(d -> d.bytes().length == 1316), "every datagram is 7 TS packets");
            ByteArrayOutputStream ts = new ByteArrayOutputStream();
            datagrams.forEach(d -> ts.writeBytes(d.bytes()));
            assertEquals("", continuityErrors(ts.toByteArray(), 0));
            assertTrue(
                    firstRunSeconds > 5.5 && firstRunSeconds < 7.5,
                    "a 6 s file is sent in about 6 s, not at disk speed: " + firstRunSeconds);
            SenderStats stats = cut.stats();
            assertEquals(expected, stats.packets());
            assertEquals(expected * 1316, stats.bytes());
            assertEquals(1, stats.sourceRestarts());
            assertTrue(stats.jitterMillis() < 2, "gap jitter of a few hundred microseconds: " + stats.jitterMillis());
            assertTrue(
                    Math.abs(stats.pcrDriftMillis()) < 500,
                    "a file is never behind by much: " + stats.pcrDriftMillis());

            Path received = dir.resolve("received-udp.ts");
            Files.write(received, ts.toByteArray());
            String streams = Ffprobe.streams(received);
            assertTrue(streams.contains("h264") && streams.contains("aac"), streams);
            // ffmpeg's demuxer flags a packet corrupt when a counter skips: what a receiver would show.
            String decoding = run(
                    "ffmpeg",
                    "-hide_banner",
                    "-nostats",
                    "-v",
                    "warning",
                    "-i",
                    received.toString(),
                    "-f",
                    "null",
                    "-");
            assertFalse(decoding.contains("corrupt"), decoding);
        }
    }

    @Test
    void rtpCarriesSequenceTimestampAndTheSameTs() throws Exception {
        InetAddress group = MulticastReceiver.randomGroup();
        int port = FreePorts.next();
        long expected = datagramsOf(sixSeconds);
        try (MulticastReceiver receiver = MulticastReceiver.join(group, port);
                MulticastSender cut = new MulticastSender(settings(group, port, MulticastFormat.RTP))) {
            try (InputStream in = Files.newInputStream(sixSeconds)) {
                cut.send(in);
            }
            Await.until("all datagrams", Duration.ofSeconds(10), () -> receiver.count() >= expected);
            List<MulticastReceiver.Datagram> datagrams = receiver.datagrams();

            assertEquals(expected, datagrams.size());
            ByteArrayOutputStream ts = new ByteArrayOutputStream();
            int ssrc = intAt(datagrams.get(0).bytes(), 8);
            for (int i = 0; i < datagrams.size(); i++) {
                byte[] b = datagrams.get(i).bytes();
                assertEquals(1328, b.length);
                assertEquals(0x80, b[0] & 0xFF, "RTP version 2, no padding, extension or CSRC");
                assertEquals(33, b[1] & 0xFF, "payload type 33, marker 0");
                assertEquals(ssrc, intAt(b, 8));
                if (i > 0) {
                    byte[] previous = datagrams.get(i - 1).bytes();
                    assertEquals((shortAt(previous, 2) + 1) & 0xFFFF, shortAt(b, 2), "sequence rises by one");
                    assertTrue(intAt(b, 4) - intAt(previous, 4) >= 0, "90 kHz timestamps never go back");
                }
                ts.write(b, 12, 1316);
            }
            long span = (intAt(datagrams.get(datagrams.size() - 1).bytes(), 4) & 0xFFFFFFFFL)
                    - (intAt(datagrams.get(0).bytes(), 4) & 0xFFFFFFFFL);
            assertTrue(span > 5 * 90_000 && span < 7 * 90_000, "timestamps span the file's 6 s: " + span);
            Path received = dir.resolve("received-rtp.ts");
            Files.write(received, ts.toByteArray());
            String streams = Ffprobe.streams(received);
            assertTrue(streams.contains("h264") && streams.contains("aac"), streams);
        }
    }

    /**
     * A live source: bytes arrive at the stream's rate through an OS pipe (cat, as ffmpeg's stdout would), then the
     * source hiccups for 600 ms and hands over its backlog at once, as ffmpeg does after an input stall. The pipe
     * must never hold the writer up (the sender reads ahead while it waits), and the backlog must not be sent as
     * a burst.
     */
    @Test
    void aLiveSourceIsReadAsItComesAndItsBacklogIsNotBurst() throws Exception {
        InetAddress group = MulticastReceiver.randomGroup();
        int port = FreePorts.next();
        byte[] file = Files.readAllBytes(sixSeconds);
        double bytesPerNano = file.length / 6e9;
        long expected = datagramsOf(sixSeconds);
        try (MulticastReceiver receiver = MulticastReceiver.join(group, port);
                MulticastSender cut = new MulticastSender(settings(group, port, MulticastFormat.UDP))) {
            Process pipe = new ProcessBuilder("cat").start();
            java.io.OutputStream feed = pipe.getOutputStream();
            Thread sending = new Thread(() -> {
                try {
                    cut.send(pipe.getInputStream());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            sending.start();
            long longestWrite = 0;
            long start = System.nanoTime();
            int written = 0;
            long hiccupAt = 3_000_000_000L;
            long hiccup = 600_000_000L;
            while (written < file.length) {
                long elapsed = System.nanoTime() - start;
                long due = elapsed < hiccupAt ? elapsed : Math.max(hiccupAt, elapsed - hiccup);
                if (elapsed >= hiccupAt && elapsed < hiccupAt + hiccup) {
                    due = hiccupAt; // the source says nothing for 600 ms
                }
                int upTo = (int) Math.min(file.length, (due * bytesPerNano));
                if (elapsed >= hiccupAt + hiccup) {
                    upTo = (int) Math.min(file.length, elapsed * bytesPerNano); // the backlog, then real time
                }
                if (upTo > written) {
                    long t = System.nanoTime();
                    feed.write(file, written, upTo - written);
                    feed.flush();
                    longestWrite = Math.max(longestWrite, System.nanoTime() - t);
                    written = upTo;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000); // the feeder's own pace
            }
            feed.close();
            sending.join(TimeUnit.SECONDS.toMillis(10));
            pipe.waitFor(5, TimeUnit.SECONDS);
            Await.until("all datagrams", Duration.ofSeconds(10), () -> receiver.count() >= expected);
            List<MulticastReceiver.Datagram> datagrams = receiver.datagrams();

            assertTrue(
                    longestWrite < TimeUnit.MILLISECONDS.toNanos(150),
                    "the writer was held up " + longestWrite / 1_000_000 + " ms: the pipe was not drained");
            int burst = 0;
            for (int head = 0, tail = 0; head < datagrams.size(); head++) {
                while (datagrams.get(head).receivedNanos() - datagrams.get(tail).receivedNanos() >= 10_000_000) {
                    tail++;
                }
                burst = Math.max(burst, head - tail + 1);
            }
            // The stream averages ~2 datagrams per 10 ms; the 600 ms backlog is ~100 datagrams.
            assertTrue(burst < 25, "a burst of " + burst + " datagrams in 10 ms");
            assertTrue(cut.stats().pcrDriftMillis() > 200, "the hiccup shows as drift: " + cut.stats());
        }
    }

    @Test
    void closeEndsARunningSendPromptly() throws Exception {
        InetAddress group = MulticastReceiver.randomGroup();
        int port = FreePorts.next();
        MulticastSender cut = new MulticastSender(settings(group, port, MulticastFormat.UDP));
        PipedOutputStream feed = new PipedOutputStream();
        PipedInputStream source = new PipedInputStream(feed, 1 << 20);
        Map<String, Throwable> outcome = new HashMap<>();
        Thread sending = new Thread(() -> {
            try {
                cut.send(source);
            } catch (Throwable t) {
                outcome.put("error", t);
            }
        });
        sending.start();
        feed.write(Files.readAllBytes(sixSeconds), 0, 188 * 2000); // some packets, then the source stalls
        Await.until(
                "the first datagrams", Duration.ofSeconds(5), () -> cut.stats().packets() > 0);
        long closing = System.nanoTime();
        cut.close();
        sending.join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(sending.isAlive(), "send() still running after close()");
        assertTrue(System.nanoTime() - closing < TimeUnit.SECONDS.toNanos(2), "close() took long");
        assertTrue(outcome.isEmpty(), "send() ended without an error: " + outcome);
        cut.close(); // idempotent
    }

    /** Per PID, "" when every packet continues the counter: payload packets step it, adaptation-only keep it. */
    static String continuityErrors(byte[] ts, int offset) {
        Map<Integer, Integer> last = new HashMap<>();
        StringBuilder errors = new StringBuilder();
        for (int off = offset; off + 188 <= ts.length; off += 188) {
            int pid = TsPackets.pid(ts, off);
            if (pid == TsPackets.NULL_PID) {
                continue;
            }
            int cc = TsPackets.continuityCounter(ts, off);
            Integer previous = last.put(pid, cc);
            int wanted = previous == null ? cc : TsPackets.hasPayload(ts, off) ? (previous + 1) & 15 : previous;
            if (cc != wanted) {
                errors.append("pid ")
                        .append(pid)
                        .append(" at byte ")
                        .append(off)
                        .append(": ")
                        .append(cc)
                        .append(" after ")
                        .append(previous)
                        .append('\n');
            }
        }
        return errors.toString();
    }

    static SenderSettings settings(InetAddress group, int port, MulticastFormat format) throws IOException {
        return new SenderSettings(group, port, 1, MulticastReceiver.loopback(), format);
    }

    private static long datagramsOf(Path ts) throws IOException {
        return (Files.size(ts) / 188 + 6) / 7;
    }

    private static int intAt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static int shortAt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + ": " + out);
        }
        return out;
    }
}
