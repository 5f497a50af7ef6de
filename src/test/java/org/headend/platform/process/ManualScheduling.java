package org.headend.platform.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock moved by hand: work runs when {@link #advance} passes its time, on the test's thread. */
final class ManualScheduling implements Scheduling {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final List<Task> tasks = new ArrayList<>();

    private static final class Task implements Cancellable {
        Instant due;
        final Duration period;
        final Runnable work;
        boolean cancelled;

        Task(Instant due, Duration period, Runnable work) {
            this.due = due;
            this.period = period;
            this.work = work;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable after(Duration delay, Runnable work) {
        var task = new Task(now.plus(delay), null, work);
        tasks.add(task);
        return task;
    }

    @Override
    public synchronized Cancellable every(Duration period, Runnable work) {
        var task = new Task(now.plus(period), period, work);
        tasks.add(task);
        return task;
    }

    /** Moves the clock, running every piece of work that falls due on the way, in order. */
    void advance(Duration by) {
        Instant end;
        synchronized (this) {
            end = now.plus(by);
        }
        while (true) {
            Task next;
            synchronized (this) {
                tasks.removeIf(t -> t.cancelled);
                next = tasks.stream()
                        .filter(t -> !t.due.isAfter(end))
                        .min(Comparator.comparing(t -> t.due))
                        .orElse(null);
                if (next == null) {
                    now = end;
                    return;
                }
                now = next.due;
                if (next.period == null) {
                    tasks.remove(next);
                } else {
                    next.due = next.due.plus(next.period);
                }
            }
            next.work.run();
        }
    }

    /** Pending one-off work (restarts), for asserting that none is left. */
    synchronized long pendingOnce() {
        return tasks.stream().filter(t -> !t.cancelled && t.period == null).count();
    }
}
