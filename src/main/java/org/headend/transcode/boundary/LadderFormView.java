package org.headend.transcode.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.headend.platform.ApiException;
import org.headend.platform.console.CallerRoles;
import org.headend.platform.console.ConsoleMessages;
import org.headend.transcode.entity.Ladder;
import org.headend.transcode.entity.VideoEncoder;
import org.omnifaces.util.Faces;

/**
 * The ladder form: a new ladder, or an existing one's renditions replaced. A refusal about one
 * field is shown next to that field.
 */
@Named
@ViewScoped
public class LadderFormView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern RENDITION_FIELD = Pattern.compile("renditions\\[(\\d+)]\\.(\\w+)");

    @Inject
    transient LadderOperations operations;

    @Inject
    transient CallerRoles caller;

    private String name;
    private boolean editing;
    private boolean builtIn;
    private boolean passthrough;
    private List<RenditionForm> renditions = new ArrayList<>();

    public void load() throws IOException {
        if (name == null || name.isBlank()) {
            renditions.add(new RenditionForm());
            return;
        }
        try {
            Ladder ladder = operations.existing(name);
            editing = true;
            builtIn = ladder.builtIn();
            passthrough = ladder.passthrough();
            renditions = new ArrayList<>(
                    ladder.renditions().stream().map(RenditionForm::of).toList());
        } catch (ApiException unknown) {
            Faces.responseSendError(404, unknown.getMessage());
        }
    }

    public void addRendition() {
        renditions.add(new RenditionForm());
    }

    public void removeRendition(RenditionForm rendition) {
        renditions.remove(rendition);
    }

    public void save() throws IOException {
        try {
            caller.requireStaff();
            var list = passthrough
                    ? List.<org.headend.transcode.entity.Rendition>of()
                    : renditions.stream().map(RenditionForm::toRendition).toList();
            if (editing) {
                operations.replace(name, passthrough, list);
            } else {
                operations.create(name, passthrough, list);
            }
            Faces.getFlash().setKeepMessages(true);
            ConsoleMessages.info("Ladder '" + name + "' saved.");
            Faces.redirect(Faces.getRequestContextPath() + "/ladders");
        } catch (ApiException refused) {
            showNextToField(refused);
        }
    }

    private static void showNextToField(ApiException refused) {
        String field = refused.field();
        Matcher rendition = field == null ? null : RENDITION_FIELD.matcher(field);
        if (rendition != null && rendition.matches()) {
            ConsoleMessages.fieldError(
                    "ladder:renditions:" + rendition.group(1) + ":" + rendition.group(2), refused.getMessage());
        } else if ("name".equals(field)) {
            ConsoleMessages.fieldError("ladder:name", refused.getMessage());
        } else {
            ConsoleMessages.error(refused.getMessage());
        }
    }

    public List<String> getProfiles() {
        return List.of("baseline", "main", "high");
    }

    public List<String> getPresets() {
        return List.of("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow");
    }

    public List<String> getEncoders() {
        return VideoEncoder.accepted();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isEditing() {
        return editing;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public boolean isPassthrough() {
        return passthrough;
    }

    public void setPassthrough(boolean passthrough) {
        this.passthrough = passthrough;
    }

    public List<RenditionForm> getRenditions() {
        return renditions;
    }
}
