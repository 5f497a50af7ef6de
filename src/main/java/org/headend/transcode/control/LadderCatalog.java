package org.headend.transcode.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.headend.stream.control.Ladders;
import org.headend.transcode.entity.Ladder;

/** Transcode's side of the stream's {@link Ladders} port (LadderStore stays a plain EJB view). */
@ApplicationScoped
public class LadderCatalog implements Ladders {

    @Inject
    LadderStore ladders;

    @Override
    public boolean exists(String name) {
        return ladders.find(name).isPresent();
    }

    @Override
    public List<String> names() {
        return ladders.all().stream().map(Ladder::name).toList();
    }
}
