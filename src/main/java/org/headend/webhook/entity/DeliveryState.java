package org.headend.webhook.entity;

/** Where a delivery stands: still to be (re)tried, accepted by the receiver with a 2xx, or given up. */
public enum DeliveryState {
    PENDING,
    DELIVERED,
    FAILED
}
