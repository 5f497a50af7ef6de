package org.headend.transcode.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.headend.audit.boundary.Actors;
import org.headend.audit.control.Audit;
import org.headend.platform.ApiException;
import org.headend.stream.control.StreamStore;
import org.headend.transcode.control.LadderStore;
import org.headend.transcode.control.LadderValidator;
import org.headend.transcode.entity.Ladder;
import org.headend.transcode.entity.Rendition;

/** Creating, replacing and deleting ladders, for the API and the console alike (validated, audited). */
@RequestScoped
@Transactional
public class LadderOperations {

    @Inject
    LadderStore ladders;

    @Inject
    StreamStore streams;

    @Inject
    Audit audit;

    @Inject
    Actors actors;

    public Ladder create(String name, boolean passthrough, List<Rendition> renditions) {
        LadderValidator.validate(name, passthrough, renditions);
        if (ladders.find(name).isPresent()) {
            throw ApiException.conflict("A ladder named '" + name + "' already exists.");
        }
        Ladder created = ladders.create(name, passthrough, renditions);
        audit.record(actors.current(), "ladder.create", "ladder", name, summary(passthrough, renditions));
        return created;
    }

    public Ladder replace(String name, boolean passthrough, List<Rendition> renditions) {
        Ladder ladder = existing(name);
        LadderValidator.validate(name, passthrough, renditions);
        refuseBuiltIn(ladder);
        Ladder replaced = ladders.replace(name, passthrough, renditions);
        audit.record(actors.current(), "ladder.replace", "ladder", name, summary(passthrough, renditions));
        return replaced;
    }

    public void delete(String name) {
        Ladder ladder = existing(name);
        refuseBuiltIn(ladder);
        long users = streams.countUsingLadder(name);
        if (users > 0) {
            throw ApiException.conflict("The ladder '" + name + "' is used by " + users + " stream(s).");
        }
        ladders.delete(name);
        audit.record(actors.current(), "ladder.delete", "ladder", name, null);
    }

    public Ladder existing(String name) {
        return ladders.find(name).orElseThrow(() -> ApiException.notFound("No ladder named '" + name + "'."));
    }

    private static void refuseBuiltIn(Ladder ladder) {
        if (ladder.builtIn()) {
            throw ApiException.conflict("The built-in ladder '" + ladder.name() + "' cannot be changed.");
        }
    }

    private static String summary(boolean passthrough, List<Rendition> renditions) {
        return renditions.size() + " rendition(s)" + (passthrough ? ", passthrough" : "");
    }
}
