package org.headend.ingest.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.ingest.control.Adoption;
import org.headend.ingest.control.NginxClient;
import org.headend.ingest.control.PublishAuthorizer;
import org.headend.stream.control.StreamNames;

/**
 * An nginx-rtmp that Headend does not run ({@code headend.nginx.managed=false}, as in Docker
 * Compose) keeps its publishers while the app restarts, and nothing tells the new run about them:
 * once the app has started, every publisher nginx-rtmp reports on a stream of ours is adopted (see
 * {@link Adoption}); the others are disconnected. A managed nginx-rtmp starts with the app, so its
 * publishers reconnect through on_publish and there is nothing to adopt.
 */
@ApplicationScoped
public class PublisherAdoption {

    private static final Logger LOG = Logger.getLogger(PublisherAdoption.class.getName());
    private static final long RETRY_SECONDS = 2;
    // About a minute: an nginx-rtmp that is not up by then has no publishers to adopt.
    private static final int ATTEMPTS = 30;

    @Inject
    @ConfigProperty(name = "headend.nginx.managed", defaultValue = "true")
    boolean managed;

    @Inject
    NginxClient nginx;

    @Inject
    PublishAuthorizer authorizer;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /**
     * After the rest of the app has started (a later priority than its own start-up observers):
     * an adopted stream's news goes out at once, to the console push, outputs and recordings.
     */
    void afterStart(
            @Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) @Initialized(ApplicationScoped.class)
                    Object started) {
        if (!managed) {
            scheduler.execute(() -> adopt(1));
        }
    }

    private void adopt(int attempt) {
        Map<String, String> publishers;
        try {
            publishers = nginx.publisherClients();
        } catch (IOException | RuntimeException e) {
            if (attempt < ATTEMPTS) {
                scheduler.schedule(() -> adopt(attempt + 1), RETRY_SECONDS, TimeUnit.SECONDS);
            } else {
                LOG.warning(() -> "nginx-rtmp statistics unreadable since the start (" + e.getMessage()
                        + "); no publisher adopted");
            }
            return;
        }
        publishers.forEach((name, clientId) -> {
            if (authorizer.adopt(name, clientId) == Adoption.DROP) {
                drop(name, clientId);
            }
        });
    }

    private void drop(String name, String clientId) {
        // A publisher that no on_publish of ours renamed may still be under its stream key: its
        // name is only logged when it has the shape of a stream name.
        String which = StreamNames.isValid(name) ? "'" + name + "'" : "a name that is no stream name";
        try {
            nginx.dropPublisherClient(clientId);
            LOG.warning(() -> "Disconnected the publisher on " + which + " that nginx-rtmp held from before the "
                    + "start: no stream of this app takes it as its RTMP publisher");
        } catch (IOException e) {
            LOG.warning(() -> "The publisher on " + which + " that nginx-rtmp held from before the start is not "
                    + "adopted, and it could not be disconnected (" + e.getMessage() + ")");
        }
    }
}
