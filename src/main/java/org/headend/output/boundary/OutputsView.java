package org.headend.output.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.headend.output.control.OutputStore;
import org.headend.output.control.OutputSupervisor;
import org.headend.platform.ApiException;
import org.headend.platform.console.CallerRoles;
import org.headend.platform.console.ConsoleMessages;

/** The outputs section of a stream's page: list with live state, add, start, stop, remove. */
@Named
@ViewScoped
public class OutputsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OutputOperations operations;

    @Inject
    transient OutputStore outputs;

    @Inject
    transient OutputSupervisor supervisor;

    @Inject
    transient CallerRoles caller;

    private String streamId;
    private String newName;
    private String newUrl;
    private String newRendition;

    public List<OutputJson> rows(String stream) {
        this.streamId = stream;
        return outputs.ofStream(stream).stream()
                .map(o -> OutputJson.of(o, supervisor.status(o)))
                .toList();
    }

    /** The renditions the add form offers; none chosen means the whole source. */
    public List<String> renditions(String stream) {
        return operations.renditionNames(operations.stream(stream));
    }

    public void create() {
        act(() -> {
            operations.create(streamId, newName, newUrl, true, blankToNull(newRendition));
            ConsoleMessages.info("Output '" + newName + "' added.");
            newName = null;
            newUrl = null;
            newRendition = null;
        });
    }

    public void start(String outputId) {
        act(() -> operations.start(streamId, outputId));
    }

    public void stop(String outputId) {
        act(() -> operations.stop(streamId, outputId));
    }

    public void delete(String outputId) {
        act(() -> operations.delete(streamId, outputId));
    }

    private void act(Runnable action) {
        try {
            caller.requireStaff();
            action.run();
        } catch (ApiException refused) {
            ConsoleMessages.refused(refused, "outputs:new-");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewUrl() {
        return newUrl;
    }

    public void setNewUrl(String newUrl) {
        this.newUrl = newUrl;
    }

    public String getNewRendition() {
        return newRendition;
    }

    public void setNewRendition(String newRendition) {
        this.newRendition = newRendition;
    }
}
