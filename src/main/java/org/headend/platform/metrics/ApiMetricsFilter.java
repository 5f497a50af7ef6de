package org.headend.platform.metrics;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts API requests and the time spent answering them, by method, resource class and status
 * class. Labels use the resource, never the raw path, so ids and names cannot multiply the series.
 * Time is a running total in seconds (mean latency = rate of the total / rate of the count): the
 * MicroProfile Timer of this Payara exports its quantiles in nanoseconds under a seconds name.
 */
@Provider
public class ApiMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String REQUESTS = "headend_api_requests";
    static final String SECONDS = "headend_api_request_seconds";
    private static final String STARTED = ApiMetricsFilter.class.getName() + ".started";
    private static final Map<List<Tag>, DoubleAdder> TIME_SPENT = new ConcurrentHashMap<>();

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
        String target = resource != null && resource.getResourceClass() != null
                ? resource.getResourceClass().getSimpleName()
                : "none";
        Tag[] tags = {
            new Tag("method", request.getMethod()),
            new Tag("resource", target),
            new Tag("status", (response.getStatus() / 100) + "xx")
        };
        metrics.counter(
                        Metadata.builder()
                                .withName(REQUESTS)
                                .withDescription("API requests answered")
                                .build(),
                        tags)
                .inc();
        if (request.getProperty(STARTED) instanceof Long started) {
            timeSpent(tags).add((System.nanoTime() - started) / 1e9);
        }
    }

    private DoubleAdder timeSpent(Tag[] tags) {
        return TIME_SPENT.computeIfAbsent(List.of(tags), key -> {
            var total = new DoubleAdder();
            metrics.gauge(
                    Metadata.builder()
                            .withName(SECONDS)
                            .withDescription("Total time spent answering API requests, in seconds")
                            .build(),
                    total,
                    DoubleAdder::sum,
                    tags);
            return total;
        });
    }
}
