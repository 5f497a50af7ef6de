package org.headend.worker.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.headend.worker.entity.Worker;

/** Registered workers in the database. */
@Stateless
public class WorkerStore {

    @PersistenceContext
    EntityManager em;

    public Worker create(Worker worker) {
        em.persist(worker);
        return worker;
    }

    public Optional<Worker> find(String name) {
        return Optional.ofNullable(em.find(Worker.class, name));
    }

    public List<Worker> all() {
        return em.createNamedQuery(Worker.ALL, Worker.class).getResultList();
    }

    public Worker change(String name, String host, int port, String user, String hostKey, int slots) {
        Worker worker = em.find(Worker.class, name);
        worker.change(host, port, user, hostKey, slots);
        return worker;
    }

    public Worker drained(String name, boolean drained) {
        Worker worker = em.find(Worker.class, name);
        worker.drained(drained);
        return worker;
    }

    public void delete(String name) {
        Worker worker = em.find(Worker.class, name);
        if (worker != null) {
            em.remove(worker);
        }
    }
}
