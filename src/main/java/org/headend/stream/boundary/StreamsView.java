package org.headend.stream.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.headend.ingest.control.IngestEndpoints;
import org.headend.platform.ApiException;
import org.headend.platform.console.ConsoleMessages;
import org.headend.security.boundary.CallerRoles;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.Stream;
import org.headend.transcode.control.LadderStore;
import org.headend.transcode.entity.Ladder;

/**
 * The streams page: list, create (the key shown once), change ladder, rotate the key (the new one
 * shown once) and delete. The work is {@link StreamOperations}', as for the API.
 */
@Named
@ViewScoped
public class StreamsView implements Serializable {

    private static final long serialVersionUID = 1L;

    public record Row(String id, String name, String ladder, String state, Instant createdAt) implements Serializable {}

    @Inject
    transient StreamOperations operations;

    @Inject
    transient StreamStore streams;

    @Inject
    transient LiveStreams live;

    @Inject
    transient LadderStore ladders;

    @Inject
    transient IngestEndpoints endpoints;

    @Inject
    transient CallerRoles caller;

    @Inject
    transient HttpServletRequest request;

    private List<Row> rows;
    private List<Row> filtered;
    private String newName;
    private String newLadder = "default";
    private Row selected;
    private String selectedLadder;
    private boolean force;
    private String shownKey;
    private String shownFor;

    public List<Row> getRows() {
        if (rows == null) {
            rows = streams.all().stream().map(this::row).toList();
        }
        return rows;
    }

    public void reload() {
        rows = null;
    }

    public void create() {
        act(() -> {
            var created = operations.create(newName, newLadder);
            show(created.key(), created.stream().name());
            ConsoleMessages.info("Stream '" + created.stream().name() + "' created.");
            newName = null;
        });
    }

    public void select(Row row) {
        selected = row;
        selectedLadder = row.ladder();
        force = false;
    }

    public void changeLadder() {
        act(() -> {
            operations.changeLadder(selected.id(), selectedLadder);
            ConsoleMessages.info("Stream '" + selected.name() + "' now uses the ladder '" + selectedLadder + "'.");
        });
    }

    public void rotateKey() {
        act(() -> {
            show(operations.rotateKey(selected.id()), selected.name());
            ConsoleMessages.info("The old key of '" + selected.name() + "' no longer works.");
        });
    }

    public void delete() {
        act(() -> {
            operations.delete(selected.id(), force);
            ConsoleMessages.info("Stream '" + selected.name() + "' deleted.");
        });
    }

    /** Forgets a key once it has been shown: it is never shown again. */
    public void dismissKey() {
        shownKey = null;
        shownFor = null;
    }

    private void act(Runnable action) {
        dismissKey();
        try {
            caller.requireStaff();
            action.run();
            reload();
        } catch (ApiException refused) {
            ConsoleMessages.error(refused.getMessage());
        }
    }

    private void show(String key, String name) {
        shownKey = key;
        shownFor = name;
    }

    private Row row(Stream s) {
        return new Row(
                s.id(),
                s.name(),
                s.ladder(),
                live.status(s.id(), s.name()).state().name(),
                s.createdAt());
    }

    public List<String> getLadderNames() {
        return ladders.all().stream().map(Ladder::name).toList();
    }

    public String getIngestUrl() {
        return endpoints.ingestUrl(request.getServerName());
    }

    public String getShownKey() {
        return shownKey;
    }

    public String getShownFor() {
        return shownFor;
    }

    public List<Row> getFiltered() {
        return filtered;
    }

    public void setFiltered(List<Row> filtered) {
        this.filtered = filtered;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewLadder() {
        return newLadder;
    }

    public void setNewLadder(String newLadder) {
        this.newLadder = newLadder;
    }

    public Row getSelected() {
        return selected;
    }

    public String getSelectedLadder() {
        return selectedLadder;
    }

    public void setSelectedLadder(String selectedLadder) {
        this.selectedLadder = selectedLadder;
    }

    public boolean isForce() {
        return force;
    }

    public void setForce(boolean force) {
        this.force = force;
    }
}
