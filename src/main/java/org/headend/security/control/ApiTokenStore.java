package org.headend.security.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.headend.security.entity.ApiToken;
import org.headend.security.entity.Role;

/** Personal API tokens at rest: made, listed, found by their secret's hash, revoked. */
@Stateless
public class ApiTokenStore {

    @PersistenceContext
    EntityManager em;

    /** A token just made, with its secret: the only moment the secret exists outside its owner's hands. */
    public record Created(ApiToken token, String secret) {}

    public Created create(String owner, Role role, boolean localOwner, String name, Instant expiresAt) {
        String secret = PersonalTokens.generate();
        var token = new ApiToken(PersonalTokens.hash(secret), name, owner, role, localOwner, expiresAt);
        em.persist(token);
        return new Created(token, secret);
    }

    /** The owner's tokens that are not revoked (expired ones included), newest first. */
    public List<ApiToken> activeOf(String owner) {
        return em.createNamedQuery(ApiToken.ACTIVE_OF_OWNER, ApiToken.class)
                .setParameter("owner", owner)
                .getResultList();
    }

    public Optional<ApiToken> find(String id) {
        return Optional.ofNullable(em.find(ApiToken.class, id));
    }

    public Optional<ApiToken> bySecret(String secret) {
        return em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                .setParameter("hash", PersonalTokens.hash(secret))
                .getResultStream()
                .findFirst();
    }

    public void revoke(String id) {
        find(id).ifPresent(ApiToken::revoke);
    }

    public void markUsed(String id, Instant at) {
        find(id).ifPresent(token -> token.usedAt(at));
    }
}
