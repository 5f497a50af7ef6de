package org.headend.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.headend.multicast.control.MulticastSender;
import org.headend.multicast.control.SenderSettings;
import org.headend.multicast.entity.MulticastFormat;
import org.headend.testing.Await;
import org.headend.testing.MulticastReceiver;

/**
 * The capacity step's sender process: one MulticastSender per group, each on its own thread sending the file
 * (again if it ends) until the time is up. Prints the worst sender's p99 gap deviation and its own CPU share.
 */
public final class MulticastBenchSenders {

    private MulticastBenchSenders() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        boolean once = args[1].equals("once");
        long seconds = once ? 3600 : Long.parseLong(args[1]);
        MulticastFormat format = MulticastFormat.valueOf(args[2]);
        List<MulticastSender> senders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] target = args[i].split(":");
            MulticastSender sender = new MulticastSender(new SenderSettings(
                    InetAddress.getByName(target[0]),
                    Integer.parseInt(target[1]),
                    1,
                    MulticastReceiver.loopback(),
                    format));
            senders.add(sender);
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        try (InputStream in = Files.newInputStream(file)) {
                            sender.send(in);
                        }
                        if (once || sender.stats().lastSentAt() == null) {
                            return;
                        }
                    }
                } catch (IOException closed) {
                    // close() ends the run
                }
            });
            threads.add(t);
        }
        long begin = System.nanoTime();
        long cpu0 = cpuTicks();
        // Staggered starts, 3 ms apart: channels of a real headend are not in phase with one another.
        ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor();
        for (int i = 0; i < threads.size(); i++) {
            starter.schedule(threads.get(i)::start, 3L * i, TimeUnit.MILLISECONDS);
        }
        starter.shutdown();
        starter.awaitTermination(10, TimeUnit.SECONDS);
        long end = begin + TimeUnit.SECONDS.toNanos(seconds);
        Await.until(
                "the step's time",
                Duration.ofSeconds(seconds + 10),
                () -> System.nanoTime() >= end || threads.stream().noneMatch(Thread::isAlive));
        double cpu = (cpuTicks() - cpu0) / 100.0 / ((System.nanoTime() - begin) / 1e9) * 100;
        double worst = senders.stream()
                .mapToDouble(s -> s.gapDeviationMillis(0.99))
                .max()
                .orElse(0);
        senders.forEach(MulticastSender::close);
        for (Thread t : threads) {
            t.join(5000);
        }
        System.out.printf(Locale.ROOT, "SENDERS %.3f %.0f%n", worst, cpu);
    }

    private static long cpuTicks() throws IOException {
        String[] f = Files.readString(Path.of("/proc/self/stat"))
                .replaceAll(".*\\) ", "")
                .split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
