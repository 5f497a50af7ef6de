package org.headend.transcode.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.headend.transcode.entity.Ladder;
import org.headend.transcode.entity.Rendition;

/** Ladders in the database. Validation happens before anything reaches this store. */
@Stateless
public class LadderStore {

    @PersistenceContext
    EntityManager em;

    public List<Ladder> all() {
        return em.createNamedQuery(Ladder.ALL, Ladder.class).getResultList();
    }

    public Optional<Ladder> find(String name) {
        return Optional.ofNullable(em.find(Ladder.class, name));
    }

    public Ladder create(String name, boolean passthrough, List<Rendition> renditions) {
        var ladder = new Ladder(name, passthrough, renditions);
        em.persist(ladder);
        return ladder;
    }

    public Ladder replace(String name, boolean passthrough, List<Rendition> renditions) {
        Ladder ladder = em.find(Ladder.class, name);
        ladder.replace(passthrough, renditions);
        return ladder;
    }

    public void delete(String name) {
        Ladder ladder = em.find(Ladder.class, name);
        if (ladder != null) {
            em.remove(ladder);
        }
    }
}
