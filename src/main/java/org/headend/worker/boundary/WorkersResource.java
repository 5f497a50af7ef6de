package org.headend.worker.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.headend.platform.JsonBody;
import org.headend.platform.openapi.Problems;
import org.headend.worker.control.SshKeys;
import org.headend.worker.entity.Worker;

/**
 * Worker hosts, for admins only: register one (address, pinned host key, slots), read its state
 * and capabilities, change, drain, undrain and remove it; and Headend's public key, which the
 * worker's authorized_keys must hold.
 */
@Path("v1/workers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "workers")
@RolesAllowed("admin")
public class WorkersResource {

    private static final Set<String> FIELDS = Set.of("name", "host", "port", "user", "hostKey", "slots");

    @Inject
    WorkerOperations operations;

    @Inject
    SshKeys keys;

    @Context
    UriInfo uri;

    @POST
    @Operation(
            operationId = "createWorker",
            summary =
                    "Register a worker host: Headend connects to it over SSH with its own key and the pinned host key")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkerCreate")))
    @APIResponse(
            responseCode = "201",
            description = "Registered; it is DOWN ('connecting') until the link is made",
            content = @Content(schema = @Schema(ref = "WorkerJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = Problems.CONFLICT)
    public Response create(JsonObject body) {
        var json = JsonBody.of(body, FIELDS);
        Worker worker = operations.create(new WorkerRequest(
                json.optionalString("name").orElse(null),
                json.optionalString("host").orElse(null),
                json.optionalInt("port").orElse(null),
                json.optionalString("user").orElse(null),
                json.optionalString("hostKey").orElse(null),
                json.optionalInt("slots").orElse(null)));
        return Response.created(uri.getAbsolutePathBuilder().path(worker.name()).build())
                .entity(operations.json(worker))
                .build();
    }

    @GET
    @Operation(operationId = "listWorkers", summary = "The registered workers with their state, capabilities and jobs")
    @APIResponse(
            responseCode = "200",
            description = "The workers",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "WorkerJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public List<WorkerJson> list() {
        return operations.list();
    }

    @GET
    @Path("ssh-key")
    @Operation(
            operationId = "getWorkerSshKey",
            summary = "Headend's public key, to put in each worker user's ~/.ssh/authorized_keys")
    @APIResponse(
            responseCode = "200",
            description = "The public key as one authorized_keys line",
            content = @Content(schema = @Schema(ref = "WorkerSshKey")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public SshKey sshKey() {
        return new SshKey(keys.publicKey());
    }

    @Schema(name = "WorkerSshKey", description = "Headend's public key, for the worker's ~/.ssh/authorized_keys")
    public record SshKey(@Schema(example = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... headend@node") String publicKey) {}

    @GET
    @Path("{name}")
    @Operation(operationId = "getWorker", summary = "One worker")
    @APIResponse(
            responseCode = "200",
            description = "The worker",
            content = @Content(schema = @Schema(ref = "WorkerJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public WorkerJson get(@PathParam("name") String name) {
        return operations.json(operations.existing(name));
    }

    @PUT
    @Path("{name}")
    @Operation(
            operationId = "updateWorker",
            summary = "Change a worker's address, user, host key or slots; what is left out stays; it reconnects")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "WorkerChange")))
    @APIResponse(
            responseCode = "200",
            description = "The changed worker",
            content = @Content(schema = @Schema(ref = "WorkerJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public WorkerJson update(@PathParam("name") String name, JsonObject body) {
        operations.existing(name);
        var json = JsonBody.of(body, FIELDS);
        json.requireUnchanged("name", name, "A worker cannot be renamed: remove it and register it again.");
        Worker worker = operations.update(
                name,
                new WorkerRequest(
                        name,
                        json.optionalString("host").orElse(null),
                        json.optionalInt("port").orElse(null),
                        json.optionalString("user").orElse(null),
                        json.optionalString("hostKey").orElse(null),
                        json.optionalInt("slots").orElse(null)));
        return operations.json(worker);
    }

    @DELETE
    @Path("{name}")
    @Operation(
            operationId = "deleteWorker",
            summary = "Remove a worker: its link is closed and its jobs placed elsewhere")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public Response delete(@PathParam("name") String name) {
        operations.delete(name);
        return Response.noContent().build();
    }

    @POST
    @Path("{name}/drain")
    @Operation(
            operationId = "drainWorker",
            summary = "Drain a worker: it takes no new jobs and its jobs move elsewhere (kept over a restart)")
    @APIResponse(
            responseCode = "200",
            description = "The worker, DRAINING while linked",
            content = @Content(schema = @Schema(ref = "WorkerJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public WorkerJson drain(@PathParam("name") String name) {
        return operations.json(operations.drain(name));
    }

    @POST
    @Path("{name}/undrain")
    @Operation(operationId = "undrainWorker", summary = "End a drain: the worker takes new jobs again")
    @APIResponse(
            responseCode = "200",
            description = "The worker, UP again while linked",
            content = @Content(schema = @Schema(ref = "WorkerJson")))
    @APIResponse(responseCode = "403", ref = Problems.FORBIDDEN)
    public WorkerJson undrain(@PathParam("name") String name) {
        return operations.json(operations.undrain(name));
    }
}
