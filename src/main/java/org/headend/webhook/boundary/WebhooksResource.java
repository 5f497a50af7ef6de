package org.headend.webhook.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.headend.platform.ApiException;
import org.headend.platform.JsonBody;
import org.headend.platform.Page;
import org.headend.platform.Paging;
import org.headend.platform.openapi.Problems;
import org.headend.webhook.control.WebhookStore;
import org.headend.webhook.entity.WebhookDelivery;

/** Webhooks, for admins only: where events go, which ones, and how their deliveries went. */
@Path("v1/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "webhooks")
@RolesAllowed("admin")
public class WebhooksResource {

    private static final Set<String> FIELDS = Set.of("url", "events", "secret");
    private static final int MAX_PAGE_SIZE = 200;

    @Inject
    WebhookStore store;

    @Inject
    WebhookOperations operations;

    @Context
    UriInfo uri;

    @POST
    @Operation(
            operationId = "createWebhook",
            summary = "Register a webhook: its URL, the events it wants, and the secret that signs them")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookCreate")))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(ref = "WebhookJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public Response create(JsonObject body) {
        var json = JsonBody.of(body, FIELDS);
        var webhook = operations.create(
                json.requiredString("url"),
                events(json).orElseThrow(() -> ApiException.invalid("events", "Field 'events' is required.")),
                json.requiredString("secret"));
        return Response.created(uri.getAbsolutePathBuilder().path(webhook.id()).build())
                .entity(WebhookJson.of(webhook))
                .build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhooks (secrets shown as ***)")
    @APIResponse(
            responseCode = "200",
            description = "The webhooks",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "WebhookJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public List<WebhookJson> list() {
        return store.all().stream().map(WebhookJson::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "Get one webhook")
    @APIResponse(
            responseCode = "200",
            description = "The webhook",
            content = @Content(schema = @Schema(ref = "WebhookJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public WebhookJson get(@PathParam("id") String id) {
        return WebhookJson.of(operations.existing(id));
    }

    @PUT
    @Path("{id}")
    @Operation(
            operationId = "updateWebhook",
            summary = "Change a webhook's URL, events or secret; what is left out stays")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WebhookChange")))
    @APIResponse(
            responseCode = "200",
            description = "The changed webhook",
            content = @Content(schema = @Schema(ref = "WebhookJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public WebhookJson update(@PathParam("id") String id, JsonObject body) {
        operations.existing(id);
        var json = JsonBody.of(body, FIELDS);
        return WebhookJson.of(
                operations.update(id, json.optionalString("url"), events(json), json.optionalString("secret")));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook and its deliveries")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public Response delete(@PathParam("id") String id) {
        operations.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "The webhook's deliveries, newest first, a page at a time")
    @Parameter(
            name = "page",
            in = ParameterIn.QUERY,
            description = "Page number, from 0",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    @Parameter(
            name = "size",
            in = ParameterIn.QUERY,
            description = "Items per page",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
    @APIResponse(
            responseCode = "200",
            description = "One page of deliveries",
            content = @Content(schema = @Schema(ref = "DeliveryPage")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public Page<DeliveryJson> deliveries(
            @PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size) {
        return operations.deliveries(id, Paging.of(page, size, 50, MAX_PAGE_SIZE));
    }

    @POST
    @Path("{id}/test")
    @Operation(
            operationId = "testWebhook",
            summary = "Send the webhook a signed ping event, delivered and retried like any other")
    @APIResponse(
            responseCode = "202",
            description = "Queued",
            content = @Content(schema = @Schema(ref = "DeliveryJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public Response test(@PathParam("id") String id) {
        WebhookDelivery queued = operations.ping(id);
        return Response.accepted(DeliveryJson.of(queued)).build();
    }

    private static Optional<List<String>> events(JsonBody json) {
        return json.value("events")
                .filter(v -> v.getValueType() != jakarta.json.JsonValue.ValueType.NULL)
                .map(value -> {
                    if (!(value instanceof JsonArray array) || !array.stream().allMatch(JsonString.class::isInstance)) {
                        throw ApiException.invalid("events", "Field 'events' must be an array of strings.");
                    }
                    return array.getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString)
                            .toList();
                });
    }
}
