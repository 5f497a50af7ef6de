package org.headend.worker.entity;

/**
 * How to reach a worker over SSH: its name in Headend, host and port, the non-root user the work
 * runs as, and the host key pinned at registration (one {@code ssh-keyscan} line, or its
 * {@code type base64} part).
 */
public record WorkerAddress(String name, String host, int port, String user, String hostKey) {}
