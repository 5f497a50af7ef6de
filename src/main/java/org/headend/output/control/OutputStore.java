package org.headend.output.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.headend.output.entity.Output;

/** Outputs in the database. */
@Stateless
public class OutputStore {

    @PersistenceContext
    EntityManager em;

    public Output create(Output output) {
        em.persist(output);
        return output;
    }

    public Optional<Output> find(String id) {
        return Optional.ofNullable(em.find(Output.class, id));
    }

    public List<Output> ofStream(String streamId) {
        return em.createNamedQuery(Output.OF_STREAM, Output.class)
                .setParameter("stream", streamId)
                .getResultList();
    }

    public Output change(String id, String url, boolean enabled, String rendition) {
        Output output = em.find(Output.class, id);
        output.change(url, enabled, rendition);
        return output;
    }

    public Output enable(String id, boolean on) {
        Output output = em.find(Output.class, id);
        output.enable(on);
        return output;
    }

    public void delete(String id) {
        Output output = em.find(Output.class, id);
        if (output != null) {
            em.remove(output);
        }
    }
}
