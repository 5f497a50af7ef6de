package org.headend.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Runs work once the current transaction has committed, and never when it rolls back; at once
 * when there is no transaction. For what a transactional operation starts outside the database
 * (a process, a file): a change that is refused or fails must start nothing.
 */
@ApplicationScoped
public class AfterCommit {

    /** The work, wrapped as an event so that CDI's transactional observers time it. */
    public record Work(Runnable task) {}

    @Inject
    Event<Work> work;

    public void run(Runnable task) {
        work.fire(new Work(task));
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Work committed) {
        committed.task().run();
    }
}
