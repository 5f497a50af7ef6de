package org.headend.webhook.entity;

/**
 * Fired after each attempt to deliver: {@code result} is {@code delivered}, {@code retried} (it
 * failed and will be tried again) or {@code failed} (given up); metrics observe it.
 */
public record DeliveryAttempted(String deliveryId, String webhookId, String result) {}
