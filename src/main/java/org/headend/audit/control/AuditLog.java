package org.headend.audit.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import org.headend.audit.entity.AuditEntry;
import org.headend.audit.entity.AuditQuery;
import org.headend.platform.Paging;

/** Writes and searches the audit trail. */
@Stateless
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    /**
     * Records an event in the caller's transaction when there is one, so that an operation's entry
     * commits with its change or not at all; a refusal (a failed sign-in) has no transaction and
     * gets one of its own.
     */
    public void record(AuditEntry entry) {
        em.persist(entry);
    }

    public List<AuditEntry> search(AuditQuery query, Paging paging) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> criteria = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> entry = criteria.from(AuditEntry.class);
        criteria.select(entry).where(matching(cb, entry, query)).orderBy(cb.desc(entry.get("at")));
        return em.createQuery(criteria)
                .setFirstResult(paging.offset())
                .setMaxResults(paging.size())
                .getResultList();
    }

    public long count(AuditQuery query) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> criteria = cb.createQuery(Long.class);
        Root<AuditEntry> entry = criteria.from(AuditEntry.class);
        criteria.select(cb.count(entry)).where(matching(cb, entry, query));
        return em.createQuery(criteria).getSingleResult();
    }

    private static Predicate[] matching(CriteriaBuilder cb, Root<AuditEntry> entry, AuditQuery query) {
        List<Predicate> where = new ArrayList<>();
        if (query.actor() != null) {
            where.add(cb.equal(entry.get("actor"), query.actor()));
        }
        if (query.objectType() != null) {
            where.add(cb.equal(entry.get("objectType"), query.objectType()));
        }
        if (query.objectId() != null) {
            where.add(cb.equal(entry.get("objectId"), query.objectId()));
        }
        if (query.from() != null) {
            where.add(cb.greaterThanOrEqualTo(entry.get("at"), query.from()));
        }
        if (query.to() != null) {
            where.add(cb.lessThan(entry.get("at"), query.to()));
        }
        return where.toArray(Predicate[]::new);
    }
}
