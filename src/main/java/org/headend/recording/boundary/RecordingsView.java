package org.headend.recording.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.headend.platform.ApiException;
import org.headend.platform.Paging;
import org.headend.platform.console.CallerRoles;
import org.headend.platform.console.ConsoleMessages;

/**
 * The recordings page: the newest recordings with their state, a download link for the finished
 * ones and, for staff, stop and delete. The work is {@link RecordingOperations}', as for the API.
 */
@Named
@ViewScoped
public class RecordingsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Paging NEWEST = new Paging(0, 200);

    public record Row(
            String id,
            String stream,
            String state,
            Instant startedAt,
            String duration,
            String size,
            boolean downloadable,
            boolean recording)
            implements Serializable {}

    @Inject
    transient RecordingOperations operations;

    @Inject
    transient CallerRoles caller;

    private List<Row> rows;
    private Row selected;

    public List<Row> getRows() {
        if (rows == null) {
            rows = operations.page(null, NEWEST).items().stream()
                    .map(RecordingsView::row)
                    .toList();
        }
        return rows;
    }

    public void reload() {
        rows = null;
    }

    public void select(Row row) {
        selected = row;
    }

    public Row getSelected() {
        return selected;
    }

    public void stop(Row row) {
        act(() -> {
            operations.stop(row.id());
            ConsoleMessages.info("Recording of '" + row.stream() + "' stopped; it is being finalised.");
        });
    }

    public void delete() {
        act(() -> {
            operations.delete(selected.id());
            ConsoleMessages.info("Recording of '" + selected.stream() + "' deleted.");
        });
    }

    private void act(Runnable action) {
        try {
            caller.requireStaff();
            action.run();
            reload();
        } catch (ApiException refused) {
            ConsoleMessages.error(refused.getMessage());
        }
    }

    static Row row(RecordingJson r) {
        long seconds = Math.round(r.durationSeconds());
        return new Row(
                r.id(),
                r.streamName(),
                r.state().name(),
                r.startedAt(),
                String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60),
                size(r.sizeBytes()),
                r.state().name().equals("READY"),
                r.state().name().equals("RECORDING"));
    }

    static String size(long bytes) {
        if (bytes < 1_000_000) {
            return String.format("%.0f kB", bytes / 1e3);
        }
        return bytes < 1_000_000_000 ? String.format("%.1f MB", bytes / 1e6) : String.format("%.2f GB", bytes / 1e9);
    }
}
