package org.headend.multicast.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.headend.multicast.entity.MulticastChannel;

/** Multicast senders in the database. */
@Stateless
public class MulticastStore {

    @PersistenceContext
    EntityManager em;

    public MulticastChannel create(MulticastChannel channel) {
        em.persist(channel);
        return channel;
    }

    public Optional<MulticastChannel> find(String id) {
        return Optional.ofNullable(em.find(MulticastChannel.class, id));
    }

    public List<MulticastChannel> ofStream(String streamId) {
        return em.createNamedQuery(MulticastChannel.OF_STREAM, MulticastChannel.class)
                .setParameter("stream", streamId)
                .getResultList();
    }

    public List<MulticastChannel> all() {
        return em.createNamedQuery(MulticastChannel.ALL, MulticastChannel.class).getResultList();
    }

    public void delete(String id) {
        MulticastChannel channel = em.find(MulticastChannel.class, id);
        if (channel != null) {
            em.remove(channel);
        }
    }
}
