package org.headend.origin.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.headend.origin.entity.Origin;

/** External origins in the database. */
@Stateless
public class OriginStore {

    @PersistenceContext
    EntityManager em;

    public Origin create(Origin origin) {
        em.persist(origin);
        return origin;
    }

    public Optional<Origin> find(String id) {
        return Optional.ofNullable(em.find(Origin.class, id));
    }

    public List<Origin> ofStream(String streamId) {
        return em.createNamedQuery(Origin.OF_STREAM, Origin.class)
                .setParameter("stream", streamId)
                .getResultList();
    }

    public List<Origin> all() {
        return em.createNamedQuery(Origin.ALL, Origin.class).getResultList();
    }

    public boolean hasOrigins(String streamId) {
        return em.createNamedQuery(Origin.COUNT_OF_STREAM, Long.class)
                        .setParameter("stream", streamId)
                        .getSingleResult()
                > 0;
    }

    public void delete(String id) {
        Origin origin = em.find(Origin.class, id);
        if (origin != null) {
            em.remove(origin);
        }
    }
}
