package org.headend.platform;

import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into {@code application/problem+json}. Unexpected exceptions are logged and
 * answered with a generic 500, so internal details (and any secret in them) never reach the caller.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable failure) {
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getPath();
        Throwable refused = causeOfType(failure, ApiException.class);
        if (refused instanceof ApiException api) {
            Response problem = new Problem(api.status(), api.title(), api.getMessage(), instance).toResponse();
            return api.retryAfterSeconds() == null
                    ? problem
                    : Response.fromResponse(problem)
                            .header("Retry-After", api.retryAfterSeconds())
                            .build();
        }
        Throwable malformed = causeOfType(failure, JsonParsingException.class);
        if (malformed != null || failure instanceof ProcessingException) {
            String detail = malformed != null
                    ? "Malformed JSON: " + malformed.getMessage()
                    : "The request body could not be read as JSON.";
            return new Problem(400, "Bad request", detail, instance).toResponse();
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String title = Response.Status.fromStatusCode(status) == null
                    ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
            return new Problem(status, title, detailFor(status, web), instance).toResponse();
        }
        LOG.log(Level.SEVERE, "Unexpected failure on " + instance, failure);
        return new Problem(
                        500, "Internal Server Error", "The server failed to handle the request; see its log.", instance)
                .toResponse();
    }

    private static String detailFor(int status, WebApplicationException web) {
        return switch (status) {
            case 401 -> "A valid bearer token is required: POST /api/v1/auth/token first.";
            case 403 -> "Your role does not allow this operation.";
            case 404 -> "No such resource.";
            case 405 -> "Method not allowed on this resource.";
            case 406 -> "Not acceptable: this resource answers application/json.";
            case 415 -> "Unsupported media type: send application/json.";
            default -> web.getMessage();
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
