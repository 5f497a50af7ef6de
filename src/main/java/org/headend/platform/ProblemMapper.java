package org.headend.platform;

import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns every failure into {@code application/problem+json}. A refusal says what was wrong; an
 * unexpected exception becomes an {@link Incident}: a 500 whose detail carries only the incident id,
 * so internal details (and any secret in them) never reach the caller, while the log has the stack.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Override
    public Response toResponse(Throwable failure) {
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getPath();
        if (causeOfType(failure, ApiException.class) instanceof ApiException api) {
            Response problem = new Problem(api.status(), api.title(), api.getMessage(), instance).toResponse();
            return api.retryAfterSeconds() == null
                    ? problem
                    : Response.fromResponse(problem)
                            .header("Retry-After", api.retryAfterSeconds())
                            .build();
        }
        if (causeOfType(failure, JsonParsingException.class) instanceof JsonParsingException malformed) {
            return new Problem(400, "Bad request", "Malformed JSON: " + malformed.getMessage(), instance).toResponse();
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return refusal(web.getResponse(), instance);
        }
        String where = (request == null ? "" : request.getMethod() + " ") + instance;
        return Incident.record(where, failure).problem(instance).toResponse();
    }

    /** The runtime's own refusals (404, 405, 406, 415, ...), with a detail fit for the caller. */
    private static Response refusal(Response refused, String instance) {
        int status = refused.getStatus();
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        Response problem = new Problem(status, title, detailFor(status), instance).toResponse();
        String allow = refused.getHeaderString(HttpHeaders.ALLOW);
        return allow == null
                ? problem
                : Response.fromResponse(problem)
                        .header(HttpHeaders.ALLOW, allow)
                        .build();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: check its parameters and body.";
            case 401 -> "A valid bearer token is required: POST /api/v1/auth/token first.";
            case 403 -> "Your role does not allow this operation.";
            case 404 -> "No such resource.";
            case 405 -> "Method not allowed on this resource.";
            case 406 -> "Not acceptable: this resource cannot answer in a type the Accept header allows.";
            case 413 -> "The request body is too large.";
            case 415 -> "Unsupported media type: the API reads application/json (the nginx hooks form data).";
            default -> "The request was refused.";
        };
    }

    private static Throwable causeOfType(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
