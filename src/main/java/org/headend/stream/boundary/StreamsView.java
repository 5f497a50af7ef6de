package org.headend.stream.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.headend.platform.ApiException;
import org.headend.platform.console.CallerRoles;
import org.headend.platform.console.ConsoleMessages;
import org.headend.stream.control.Ladders;
import org.headend.stream.control.LiveStreams;
import org.headend.stream.control.StreamStore;
import org.headend.stream.control.StreamWorkers;
import org.headend.stream.entity.Stream;

/**
 * The streams page: list, create (the key shown once), change ladder, rotate the key (the new one
 * shown once) and delete. The work is {@link StreamOperations}', as for the API.
 */
@Named
@ViewScoped
public class StreamsView implements Serializable {

    private static final long serialVersionUID = 1L;

    public record Row(
            String id,
            String name,
            String ladder,
            String state,
            Instant createdAt,
            String input,
            String record,
            Instant expiresAt,
            boolean open,
            boolean redundancy,
            String worker)
            implements Serializable {}

    @Inject
    transient StreamOperations operations;

    @Inject
    transient StreamWorkers workers;

    @Inject
    transient StreamStore streams;

    @Inject
    transient LiveStreams live;

    @Inject
    transient Ladders ladders;

    @Inject
    transient StreamInputs inputs;

    @Inject
    transient CallerRoles caller;

    @Inject
    transient HttpServletRequest request;

    private List<Row> rows;
    private List<Row> filtered;
    private String newName;
    private String newLadder = "default";
    private final InputForm newInput = new InputForm();
    private String newRecord = Stream.RECORD_OFF;
    private String newExpiresAt;
    private boolean newPublic;
    private boolean newRedundancy;
    private Row selected;
    private StreamSettingsForm settings = new StreamSettingsForm();
    private boolean force;
    private String shownKey;
    private String shownFor;
    private String shownIngestUrl;
    private String shownInputType;

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
            var created = operations.create(
                    newName,
                    newLadder,
                    newRecord,
                    expiry(newExpiresAt),
                    newInput.request(),
                    newPublic,
                    Optional.of(newRedundancy));
            show(created.key(), created.stream());
            ConsoleMessages.info("Stream '" + created.stream().name() + "' created.");
            newName = null;
            newInput.clearSecrets();
        });
    }

    public void select(Row row) {
        selected = row;
        settings = StreamSettingsForm.of(row);
        force = false;
    }

    /** Saves the edit dialog: ladder, recording mode, playback, redundancy and expiry, each only if it changed. */
    public void changeSettings() {
        act(() -> {
            settings.saveChanges(operations, selected);
            ConsoleMessages.info("Stream '" + selected.name() + "' saved.");
        });
    }

    public void rotateKey() {
        act(() -> {
            show(operations.rotateKey(selected.id()), operations.existing(selected.id()));
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
        shownIngestUrl = null;
        shownInputType = null;
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

    private void show(String key, Stream stream) {
        shownKey = key;
        shownFor = stream.name();
        shownIngestUrl = inputs.ingestUrl(stream, request.getServerName());
        shownInputType = stream.input().type().id();
    }

    /** An empty field clears the expiry; anything else must be an ISO-8601 instant. */
    static Instant expiry(String text) {
        return text == null || text.isBlank() ? null : StreamOperations.instant("expiresAt", text.trim());
    }

    private Row row(Stream s) {
        var input = s.input();
        return new Row(
                s.id(),
                s.name(),
                s.ladder(),
                live.status(s.id(), s.name()).state().name(),
                s.createdAt(),
                input.type().listens()
                        ? input.type().id() + " :" + input.port()
                        : input.type().id(),
                s.record(),
                s.expiresAt(),
                s.isPublic(),
                s.redundancy(),
                s.worker());
    }

    /** The workers a stream can be pinned to in the edit dialog. */
    public List<String> getWorkerNames() {
        return workers.names();
    }

    public List<String> getLadderNames() {
        return ladders.names();
    }

    public boolean isNewPublic() {
        return newPublic;
    }

    public void setNewPublic(boolean newPublic) {
        this.newPublic = newPublic;
    }

    public StreamSettingsForm getSettings() {
        return settings;
    }

    public InputForm getNewInput() {
        return newInput;
    }

    public String getShownIngestUrl() {
        return shownIngestUrl;
    }

    public String getShownInputType() {
        return shownInputType;
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

    public boolean isForce() {
        return force;
    }

    public void setForce(boolean force) {
        this.force = force;
    }

    public String getNewRecord() {
        return newRecord;
    }

    public void setNewRecord(String newRecord) {
        this.newRecord = newRecord;
    }

    public String getNewExpiresAt() {
        return newExpiresAt;
    }

    public void setNewExpiresAt(String newExpiresAt) {
        this.newExpiresAt = newExpiresAt;
    }

    public boolean isNewRedundancy() {
        return newRedundancy;
    }

    public void setNewRedundancy(boolean newRedundancy) {
        this.newRedundancy = newRedundancy;
    }
}
