package org.headend.audit.entity;

import java.time.Instant;

/** A filter over the audit trail; null fields match everything. */
public record AuditQuery(String actor, String objectType, String objectId, Instant from, Instant to) {}
