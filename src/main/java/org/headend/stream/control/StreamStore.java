package org.headend.stream.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.headend.platform.Paging;
import org.headend.stream.entity.Stream;
import org.headend.stream.entity.StreamInput;
import org.headend.stream.entity.StreamKey;

/** Streams and their keys in the database. */
@Stateless
public class StreamStore {

    @PersistenceContext
    EntityManager em;

    /** A new stream with its first key; the key is returned here and never stored in clear. */
    public record Created(Stream stream, String key) {}

    public Created create(String name, String ladder) {
        return create(name, ladder, Stream.RECORD_OFF, null);
    }

    public Created create(String name, String ladder, String record, Instant expiresAt) {
        return create(name, ladder, record, expiresAt, StreamInput.rtmp());
    }

    public Created create(String name, String ladder, String record, Instant expiresAt, StreamInput input) {
        var stream = new Stream(name, ladder);
        stream.takeInputFrom(input);
        stream.recordWith(record);
        stream.expireAt(expiresAt);
        em.persist(stream);
        String key = StreamKeys.generate();
        em.persist(new StreamKey(stream.id(), StreamKeys.hash(key)));
        return new Created(stream, key);
    }

    public Optional<Stream> find(String id) {
        return Optional.ofNullable(em.find(Stream.class, id));
    }

    public Optional<Stream> byName(String name) {
        return em.createNamedQuery(Stream.BY_NAME, Stream.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    public List<Stream> page(Paging paging) {
        return em.createNamedQuery(Stream.ALL, Stream.class)
                .setFirstResult(paging.offset())
                .setMaxResults(paging.size())
                .getResultList();
    }

    /** Streams whose input is a listener of the app's (SRT, UDP). */
    public List<Stream> listening() {
        return em.createNamedQuery(Stream.LISTENING, Stream.class).getResultList();
    }

    /** The stream whose listener has this port, if any. */
    public Optional<Stream> byInputPort(int port) {
        return em.createNamedQuery(Stream.BY_INPUT_PORT, Stream.class)
                .setParameter("port", port)
                .getResultStream()
                .findFirst();
    }

    public Stream changeInput(String id, StreamInput input) {
        Stream stream = em.find(Stream.class, id);
        stream.takeInputFrom(input);
        return stream;
    }

    public List<Stream> all() {
        return em.createNamedQuery(Stream.ALL, Stream.class).getResultList();
    }

    public long count() {
        return em.createNamedQuery(Stream.COUNT, Long.class).getSingleResult();
    }

    public long countUsingLadder(String ladder) {
        return em.createNamedQuery(Stream.COUNT_BY_LADDER, Long.class)
                .setParameter("ladder", ladder)
                .getSingleResult();
    }

    public Stream changeLadder(String id, String ladder) {
        Stream stream = em.find(Stream.class, id);
        stream.useLadder(ladder);
        return stream;
    }

    public Stream changeRedundancy(String id, boolean redundancy) {
        Stream stream = em.find(Stream.class, id);
        stream.makeRedundant(redundancy);
        return stream;
    }

    public Stream changeWorker(String id, String worker) {
        Stream stream = em.find(Stream.class, id);
        stream.pinTo(worker);
        return stream;
    }

    public Stream changeRecording(String id, String record) {
        Stream stream = em.find(Stream.class, id);
        stream.recordWith(record);
        return stream;
    }

    public Stream changeVisibility(String id, boolean open) {
        Stream stream = em.find(Stream.class, id);
        stream.playPublicly(open);
        return stream;
    }

    public Stream changeExpiry(String id, Instant expiresAt) {
        Stream stream = em.find(Stream.class, id);
        stream.expireAt(expiresAt);
        return stream;
    }

    /** Streams whose expiry has passed. */
    public List<Stream> expired(Instant now) {
        return em.createNamedQuery(Stream.EXPIRED, Stream.class)
                .setParameter("now", now)
                .getResultList();
    }

    /** Revokes every active key of the stream and gives it a new one. */
    public String rotateKey(String id) {
        em.createNamedQuery(StreamKey.ACTIVE_OF_STREAM, StreamKey.class)
                .setParameter("stream", id)
                .getResultList()
                .forEach(StreamKey::revoke);
        String key = StreamKeys.generate();
        em.persist(new StreamKey(id, StreamKeys.hash(key)));
        return key;
    }

    /** The stream an active key publishes to; malformed, unknown and revoked keys find nothing. */
    public Optional<Stream> forKey(String key) {
        if (!StreamKeys.isWellFormed(key)) {
            return Optional.empty();
        }
        return em.createNamedQuery(StreamKey.ACTIVE_BY_HASH, StreamKey.class)
                .setParameter("hash", StreamKeys.hash(key))
                .getResultStream()
                .findFirst()
                .map(k -> em.find(Stream.class, k.streamId()));
    }

    public void delete(String id) {
        Stream stream = em.find(Stream.class, id);
        if (stream != null) {
            em.createQuery("DELETE FROM StreamKey k WHERE k.streamId = :stream")
                    .setParameter("stream", id)
                    .executeUpdate();
            em.remove(stream);
        }
    }
}
