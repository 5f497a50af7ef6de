package org.headend.platform.openapi;

/**
 * Names of the problem responses in the document's components, for {@code @APIResponse(ref = ...)}
 * on the resources. Every error answer is an RFC 9457 problem ({@code application/problem+json}).
 */
public final class Problems {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String CONTENT_TOO_LARGE = "ContentTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String RANGE_NOT_SATISFIABLE = "RangeNotSatisfiable";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";
    public static final String SERVER_ERROR = "ServerError";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    private Problems() {}
}
