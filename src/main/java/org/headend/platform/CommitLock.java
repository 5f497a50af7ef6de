package org.headend.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A lock held until the current transaction ends: a choice (a free port, a free group) and the save
 * that takes it stay one step even when the save commits later, with the operation around it; a
 * second caller sees the first one's row, never the same free choice. Without a transaction it is
 * released at once. Each injection point has a lock of its own.
 */
@Dependent
public class CommitLock {

    private final Semaphore lock = new Semaphore(1, true);
    private volatile Object holder;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public <T> T exclusively(Supplier<T> chooseAndSave) {
        Object transaction = currentTransaction();
        if (transaction != null && transaction.equals(holder)) {
            // The same transaction chooses again: it holds the lock already.
            return chooseAndSave.get();
        }
        lock.acquireUninterruptibly();
        boolean heldUntilCommit = false;
        try {
            T result = chooseAndSave.get();
            heldUntilCommit = releaseWhenTransactionEnds();
            return result;
        } finally {
            if (!heldUntilCommit) {
                lock.release();
            }
        }
    }

    private Object currentTransaction() {
        return transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE
                ? null
                : transactions.getTransactionKey();
    }

    private boolean releaseWhenTransactionEnds() {
        Object transaction = currentTransaction();
        if (transaction == null) {
            return false;
        }
        holder = transaction;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                holder = null;
                lock.release();
            }
        });
        return true;
    }
}
