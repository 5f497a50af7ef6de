package org.headend.platform.openapi;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of every error answer as the OpenAPI document describes it. {@link
 * org.headend.platform.Problem} writes it; this only documents it for client generators.
 */
@Schema(
        name = "Problem",
        description = "An RFC 9457 problem detail: what was refused and why. Other members may follow.")
record ProblemSchema(
        @Schema(required = true, description = "The problem type; about:blank (the status says it)") String type,
        @Schema(required = true, description = "Short summary of the status") String title,
        @Schema(required = true, description = "The HTTP status code") int status,
        @Schema(description = "What was wrong, in plain words") String detail,
        @Schema(description = "The path of the request") String instance) {}
