package org.headend.origin.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.headend.origin.control.SwitchHistory;
import org.headend.origin.entity.OriginSwitched;
import org.headend.platform.ApiException;
import org.headend.platform.console.CallerRoles;
import org.headend.platform.console.ConsoleMessages;

/** The origins section of a stream's page: health and the active origin, add, remove, manual override. */
@Named
@ViewScoped
public class OriginsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OriginOperations operations;

    @Inject
    transient CallerRoles caller;

    @Inject
    transient SwitchHistory history;

    private String streamId;
    private String newName;
    private String newUrl;
    private Integer newPriority = 10;

    public List<OriginJson> rows(String stream) {
        this.streamId = stream;
        return operations.list(stream);
    }

    /** The stream's last switches between origins, newest first. */
    public List<OriginSwitched> history(String stream) {
        return history.of(stream);
    }

    public void create() {
        act(() -> {
            operations.create(streamId, newName, newUrl, newPriority == null ? 10 : newPriority);
            ConsoleMessages.info("Origin '" + newName + "' added.");
            newName = null;
            newUrl = null;
            newPriority = 10;
        });
    }

    public void activate(String originId) {
        act(() -> operations.activate(streamId, originId));
    }

    public void automatic() {
        act(() -> operations.automatic(streamId));
    }

    public void delete(String originId) {
        act(() -> operations.delete(streamId, originId));
    }

    private void act(Runnable action) {
        try {
            caller.requireStaff();
            action.run();
        } catch (ApiException refused) {
            ConsoleMessages.refused(refused, "origins:new-");
        }
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

    public Integer getNewPriority() {
        return newPriority;
    }

    public void setNewPriority(Integer newPriority) {
        this.newPriority = newPriority;
    }
}
