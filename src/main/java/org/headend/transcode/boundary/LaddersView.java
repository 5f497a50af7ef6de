package org.headend.transcode.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.headend.platform.ApiException;
import org.headend.platform.console.CallerRoles;
import org.headend.platform.console.ConsoleMessages;
import org.headend.transcode.control.LadderStore;

/** The ladders page: every ladder with its renditions; staff may delete unused custom ones. */
@Named
@ViewScoped
public class LaddersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient LadderStore ladders;

    @Inject
    transient LadderOperations operations;

    @Inject
    transient CallerRoles caller;

    private List<LadderJson> rows;

    public List<LadderJson> getRows() {
        if (rows == null) {
            rows = ladders.all().stream().map(LadderJson::of).toList();
        }
        return rows;
    }

    public void delete(String name) {
        try {
            caller.requireStaff();
            operations.delete(name);
            rows = null;
            ConsoleMessages.info("Ladder '" + name + "' deleted.");
        } catch (ApiException refused) {
            ConsoleMessages.error(refused.getMessage());
        }
    }

    /** "720p 1280x720 3000 kb/s, ..." for the list. */
    public String summary(LadderJson ladder) {
        if (ladder.passthrough()) {
            return "source copied, no re-encoding";
        }
        return String.join(
                ", ",
                ladder.renditions().stream()
                        .map(r -> r.name() + " " + r.width() + "x" + r.height() + " " + r.videoKbps() + " kb/s")
                        .toList());
    }
}
