package org.headend.platform.process;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** {@link Scheduling} on a scheduled executor and the system clock. */
public record ExecutorScheduling(ScheduledExecutorService executor) implements Scheduling {

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public Cancellable after(Duration delay, Runnable work) {
        var future = executor.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public Cancellable every(Duration period, Runnable work) {
        var future = executor.scheduleAtFixedRate(work, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
