package org.headend.platform.openapi;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.headend.platform.Problem;

/**
 * What the OpenAPI document says about the API as a whole: one tag per capability, the bearer
 * scheme every operation but sign-in uses, and the problem responses the operations refer to by
 * name ({@link Problems}), whose body is a {@link ProblemSchema}. Tag names and operation ids are
 * stable: clients are generated from them.
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Headend API",
                        version = "1",
                        description = "Live-video control plane: streams, their outputs, origins, multicast senders "
                                + "and recordings, encoding ladders, users, API tokens, webhooks, the audit trail and worker hosts. "
                                + "Every call but sign-in needs `Authorization: Bearer <token>` (a JWT from "
                                + "`POST /api/v1/auth/token`, or a personal API token `hpat_...`). Every error is an "
                                + "RFC 9457 `application/problem+json` document and changes nothing."),
        tags = {
            @Tag(name = "auth", description = "Sign in: a username and password for a bearer token (JWT)."),
            @Tag(
                    name = "streams",
                    description = "Live streams: keys, ingest and playback URLs, live status, logs and thumbnails."),
            @Tag(name = "outputs", description = "A stream's restream outputs: RTMP(S), SRT, UDP and RTSP."),
            @Tag(name = "origins", description = "A stream's HLS origins, their health, and failover between them."),
            @Tag(name = "multicast", description = "A stream's multicast senders, their SDP, and the channel list."),
            @Tag(name = "recordings", description = "Recordings of live streams, finished as MP4 files."),
            @Tag(name = "ladders", description = "Encoding ladders: the renditions streams are transcoded to."),
            @Tag(name = "users", description = "Local users and their roles (admins only)."),
            @Tag(name = "tokens", description = "Personal API tokens (`hpat_...`) for scripts and OIDC users."),
            @Tag(name = "webhooks", description = "Signed event notifications and their deliveries (admins only)."),
            @Tag(name = "audit", description = "The audit trail of every change and sign-in (admins only)."),
            @Tag(
                    name = "workers",
                    description = "Worker hosts that transcode over SSH: registration, state, drain (admins only).")
        },
        components =
                @Components(
                        securitySchemes =
                                @SecurityScheme(
                                        securitySchemeName = "bearer",
                                        type = SecuritySchemeType.HTTP,
                                        scheme = "bearer",
                                        bearerFormat = "JWT",
                                        description = "A JWT from POST /api/v1/auth/token, or a personal API token"),
                        responses = {
                            @APIResponse(
                                    name = Problems.BAD_REQUEST,
                                    description = "Bad request: malformed JSON, an unknown field, a wrong type or "
                                            + "a value out of range",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = Problems.UNAUTHORIZED,
                                    description = "No valid bearer token (at sign-in: wrong username or password)",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = Problems.FORBIDDEN,
                                    description =
                                            "The caller's role does not allow this (at sign-in: no group maps to a role)",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = Problems.NOT_FOUND,
                                    description = "No such resource",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = Problems.CONFLICT,
                                    description = "Refused in the resource's current state, or a name or port in use",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = Problems.CONTENT_TOO_LARGE,
                                    description = "The request body is over 64 KiB",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = Problems.UNSUPPORTED_MEDIA_TYPE,
                                    description = "The request body is not application/json",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = Problems.RANGE_NOT_SATISFIABLE,
                                    description = "The Range header asks for bytes the file does not have",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = Problems.TOO_MANY_REQUESTS,
                                    description = "Too many failed sign-ins: try again after Retry-After seconds",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = Problems.SERVER_ERROR,
                                    description = "An unexpected failure; the server's log has the details",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(ref = "Problem"))),
                            @APIResponse(
                                    name = Problems.SERVICE_UNAVAILABLE,
                                    description = "A service this needs (e.g. the directory) cannot be reached",
                                    content =
                                            @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
                        }))
public final class ApiDocument {

    private ApiDocument() {}
}
