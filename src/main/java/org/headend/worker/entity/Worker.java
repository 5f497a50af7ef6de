package org.headend.worker.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A registered worker host: where to reach it over SSH, the host key pinned at registration, how
 * many jobs it takes, and whether an operator drained it (kept here so a restart of the app keeps
 * it drained). Whether it is linked now is not stored: the pool knows it.
 */
@Entity
@Table(name = "workers")
@NamedQuery(name = Worker.ALL, query = "SELECT w FROM Worker w ORDER BY w.name")
public class Worker {

    public static final String ALL = "Worker.all";

    @Id
    private String name;

    private String host;
    private int port;

    @Column(name = "login")
    private String user;

    @Column(name = "host_key")
    private String hostKey;

    private int slots;
    private boolean drained;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    protected Worker() {}

    public Worker(String name, String host, int port, String user, String hostKey, int slots) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.user = user;
        this.hostKey = hostKey;
        this.slots = slots;
        this.createdAt = Instant.now();
    }

    /** Changes where and how the worker is reached; its name stays. */
    public void change(String newHost, int newPort, String newUser, String newHostKey, int newSlots) {
        this.host = newHost;
        this.port = newPort;
        this.user = newUser;
        this.hostKey = newHostKey;
        this.slots = newSlots;
    }

    public void drained(boolean value) {
        this.drained = value;
    }

    public WorkerAddress address() {
        return new WorkerAddress(name, host, port, user, hostKey);
    }

    public String name() {
        return name;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String hostKey() {
        return hostKey;
    }

    public int slots() {
        return slots;
    }

    public boolean isDrained() {
        return drained;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
