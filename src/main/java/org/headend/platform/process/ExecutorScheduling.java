package org.headend.platform.process;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@link Scheduling} on a scheduled executor and the system clock. */
public record ExecutorScheduling(ScheduledExecutorService executor) implements Scheduling {

    private static final Logger LOG = Logger.getLogger(ExecutorScheduling.class.getName());

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
        // A failure must not end the repetition: the executor would drop it without a word.
        Runnable guarded = () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A repeated supervision task failed; it runs again", e);
            }
        };
        var future = executor.scheduleAtFixedRate(guarded, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }
}
