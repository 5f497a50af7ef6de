package org.headend.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.headend.testing.Await;

/**
 * CPU time (utime + stime from {@code /proc/<pid>/stat}) that groups of processes spend over a fixed
 * window, as % of one core. A group is a changing set (an app and all its descendants, what runs in
 * a namespace), so the set is read again at every sample (every 250 ms or a little more, as the
 * poll allows): a process that lived through the window counts from its first to its last sample,
 * one born in the window from zero, one that ended in it up to its last sample (at most one
 * sample's time of it is missed). Also per command
 * name within each group, and the whole machine's busy time from {@code /proc/stat}.
 */
final class CpuWindow {

    /** Clock ticks per second of /proc's figures (USER_HZ: 100 on every Linux this runs on). */
    private static final double HZ = 100.0;

    private static final Duration SAMPLE = Duration.ofMillis(250);

    record Usage(double percent, Map<String, Double> byCommand) {}

    record Result(double seconds, Map<String, Usage> groups, double machinePercent) {}

    private record Key(long pid, long start) {}

    private static final class Seen {
        final String comm;
        final long first;
        long last;

        Seen(String comm, long first) {
            this.comm = comm;
            this.first = first;
            this.last = first;
        }
    }

    private CpuWindow() {}

    /** Measures each group (name to the pids it has now) over the window. */
    static Result measure(Duration window, Map<String, Supplier<List<Long>>> groups) {
        Map<String, Map<Key, Seen>> seen = new LinkedHashMap<>();
        groups.keySet().forEach(g -> seen.put(g, new HashMap<>()));
        long bootTicksAtStart = uptimeTicks();
        double busy0 = machineBusyTicks();
        long t0 = System.nanoTime();
        long[] next = {t0};
        Await.until("the end of a " + window.toSeconds() + " s window", window.plusSeconds(30), () -> {
            if (System.nanoTime() < next[0]) {
                return false;
            }
            next[0] += SAMPLE.toNanos();
            groups.forEach((g, pids) -> sample(pids.get(), seen.get(g), bootTicksAtStart));
            return System.nanoTime() - t0 >= window.toNanos();
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        double busy = machineBusyTicks() - busy0;
        Map<String, Usage> usage = new LinkedHashMap<>();
        seen.forEach((g, processes) -> {
            Map<String, Double> byCommand = new TreeMap<>();
            processes.values().forEach(s -> byCommand.merge(s.comm, percent(s.last - s.first, seconds), Double::sum));
            usage.put(
                    g, new Usage(byCommand.values().stream().mapToDouble(d -> d).sum(), byCommand));
        });
        return new Result(seconds, usage, percent(busy, seconds));
    }

    private static void sample(List<Long> pids, Map<Key, Seen> seen, long bootTicksAtStart) {
        for (long pid : pids) {
            String[] stat = stat(pid);
            if (stat == null) {
                continue;
            }
            long start = Long.parseLong(stat[21]);
            long ticks = Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
            Seen s = seen.computeIfAbsent(
                    new Key(pid, start), k -> new Seen(stat[1], start >= bootTicksAtStart ? 0 : ticks));
            s.last = ticks;
        }
    }

    /** CPU seconds (utime + stime) a process has used so far; 0 once it is gone. */
    static double cpuSeconds(long pid) {
        String[] stat = stat(pid);
        return stat == null ? 0 : (Long.parseLong(stat[13]) + Long.parseLong(stat[14])) / HZ;
    }

    private static double percent(double ticks, double seconds) {
        return ticks / HZ / seconds * 100;
    }

    /** The fields of /proc/pid/stat, {@code [1]} the command name without parentheses; null once gone. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String[] rest = line.substring(close + 2).trim().split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = line.substring(0, open).trim();
            fields[1] = line.substring(open + 1, close);
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    private static long uptimeTicks() {
        try {
            return (long) (Double.parseDouble(
                            Files.readString(Path.of("/proc/uptime")).split(" ")[0])
                    * HZ);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** user + nice + system + irq + softirq + steal of all cores, in ticks. */
    private static double machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).split("\\s+");
            return Long.parseLong(f[1])
                    + Long.parseLong(f[2])
                    + Long.parseLong(f[3])
                    + Long.parseLong(f[6])
                    + Long.parseLong(f[7])
                    + Long.parseLong(f[8]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
