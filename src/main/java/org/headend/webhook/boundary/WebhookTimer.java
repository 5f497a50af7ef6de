package org.headend.webhook.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.headend.webhook.control.WebhookDispatcher;

/** Every second, starts the webhook deliveries that are due (new ones and retries). */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookTimer {

    @Inject
    WebhookDispatcher dispatcher;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void dispatch() {
        dispatcher.dispatchDue();
    }
}
