package org.headend.recording.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.headend.platform.Paging;
import org.headend.recording.entity.Recording;
import org.headend.recording.entity.RecordingState;

/** Recordings in the database; each method is its own transaction, callable from any thread. */
@Stateless
public class RecordingStore {

    @PersistenceContext
    EntityManager em;

    public Recording create(String streamId, String streamName, String trigger) {
        var recording = new Recording(streamId, streamName, trigger);
        em.persist(recording);
        return recording;
    }

    public Optional<Recording> find(String id) {
        return Optional.ofNullable(em.find(Recording.class, id));
    }

    /** Newest first; all streams when {@code streamId} is null. */
    public List<Recording> page(String streamId, Paging paging) {
        var query = streamId == null
                ? em.createNamedQuery(Recording.ALL, Recording.class)
                : em.createNamedQuery(Recording.OF_STREAM, Recording.class).setParameter("stream", streamId);
        return query.setFirstResult(paging.offset())
                .setMaxResults(paging.size())
                .getResultList();
    }

    public long count(String streamId) {
        var query = streamId == null
                ? em.createNamedQuery(Recording.COUNT, Long.class)
                : em.createNamedQuery(Recording.COUNT_OF_STREAM, Long.class).setParameter("stream", streamId);
        return query.getSingleResult();
    }

    public List<Recording> inStates(List<RecordingState> states) {
        return em.createNamedQuery(Recording.IN_STATES, Recording.class)
                .setParameter("states", states)
                .getResultList();
    }

    /** Bytes of every READY recording's file. */
    public long storedBytes() {
        // SUM over BIGINT is NUMERIC on H2 2 and on PostgreSQL: read it as any number.
        Object sum = em.createNamedQuery(Recording.STORED_BYTES)
                .setParameter("state", RecordingState.READY)
                .getSingleResult();
        return sum instanceof Number n ? n.longValue() : 0;
    }

    public void finalizing(String id, Instant ended) {
        find(id).ifPresent(r -> r.finalizing(ended));
    }

    public Optional<Recording> ready(String id, String file, long bytes, long millis) {
        return find(id).map(r -> {
            r.ready(file, bytes, millis);
            return r;
        });
    }

    public Optional<Recording> failed(String id, String reason) {
        return find(id).map(r -> {
            r.failed(reason);
            return r;
        });
    }

    public void restarted(String id) {
        find(id).ifPresent(Recording::restarted);
    }

    public void delete(String id) {
        find(id).ifPresent(em::remove);
    }
}
