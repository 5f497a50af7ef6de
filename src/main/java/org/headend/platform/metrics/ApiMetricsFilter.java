package org.headend.platform.metrics;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts and times every API request by method, resource class and status class. Labels use the
 * resource, never the raw path, so ids and names cannot blow up the number of series.
 */
@Provider
public class ApiMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String REQUESTS = "headend_api_requests";
    static final String DURATION = "headend_api_request_duration";
    private static final String STARTED = ApiMetricsFilter.class.getName() + ".started";

    @Inject
    MetricRegistry metrics;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        String target = resource != null && resource.getResourceClass() != null
                ? resource.getResourceClass().getSimpleName() : "none";
        Tag[] tags = {new Tag("method", request.getMethod()), new Tag("resource", target),
                new Tag("status", (response.getStatus() / 100) + "xx")};
        metrics.counter(Metadata.builder().withName(REQUESTS).withDescription("API requests answered").build(), tags)
                .inc();
        if (started instanceof Long t) {
            metrics.timer(Metadata.builder().withName(DURATION).withDescription("API request handling time").build(),
                    tags).update(Duration.ofNanos(System.nanoTime() - t));
        }
    }
}
