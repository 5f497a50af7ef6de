package org.headend.platform.process;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as supervised processes see it: delayed and repeated work and the current instant. The app
 * runs it on its managed scheduler; unit tests on a clock they move by hand, so restart and stall
 * behaviour is tested without waiting.
 */
public interface Scheduling {

    Instant now();

    Cancellable after(Duration delay, Runnable work);

    Cancellable every(Duration period, Runnable work);

    /** Pending work that can be called off. */
    interface Cancellable {
        void cancel();
    }
}
