package org.headend.worker.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.logging.Logger;
import org.headend.platform.ApiException;
import org.headend.platform.console.CallerRoles;
import org.headend.platform.console.ConsoleMessages;
import org.headend.worker.control.SshKeys;
import org.headend.worker.control.WorkerStore;

/**
 * The workers page (admins only): the workers with state, capabilities, jobs and load, Headend's
 * public key to copy, register, drain, undrain and remove. Everything goes through
 * {@link WorkerOperations}.
 */
@Named
@ViewScoped
public class WorkersView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WorkersView.class.getName());

    @Inject
    transient WorkerOperations operations;

    @Inject
    transient WorkerStore store;

    @Inject
    transient SshKeys keys;

    @Inject
    transient CallerRoles caller;

    private final WorkerForm form = new WorkerForm();
    private String publicKey;
    private List<Row> rows;

    /** A worker's row: its JSON, and whether it is drained (also while DOWN, when its state cannot say). */
    public record Row(WorkerJson worker, boolean drained) implements Serializable {}

    public List<Row> getRows() {
        if (rows == null) {
            caller.requireAdmin();
            rows = store.all().stream()
                    .map(w -> new Row(operations.json(w), w.isDrained()))
                    .toList();
        }
        return rows;
    }

    /** Reads the workers again: a push said one changed. */
    public void refresh() {
        rows = null;
    }

    public String getPublicKey() {
        if (publicKey == null) {
            try {
                publicKey = keys.publicKey();
            } catch (RuntimeException e) {
                LOG.warning("No public key for the workers page: " + e);
                return "(not available: see the server's log)";
            }
        }
        return publicKey;
    }

    public void create() {
        act("workers:new-", () -> {
            var created = operations.create(form.request());
            ConsoleMessages.info("Worker '" + created.name() + "' registered; connecting.");
            form.clear();
        });
    }

    public void drain(String name) {
        act(null, () -> operations.drain(name));
    }

    public void undrain(String name) {
        act(null, () -> operations.undrain(name));
    }

    public void delete(String name) {
        act(null, () -> {
            operations.delete(name);
            ConsoleMessages.info("Worker '" + name + "' removed.");
        });
    }

    private void act(String fieldPrefix, Runnable action) {
        try {
            caller.requireAdmin();
            action.run();
            rows = null;
        } catch (ApiException refused) {
            ConsoleMessages.refused(refused, fieldPrefix);
        }
    }

    public WorkerForm getForm() {
        return form;
    }
}
