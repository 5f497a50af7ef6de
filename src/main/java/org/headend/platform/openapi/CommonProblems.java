package org.headend.platform.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The problem responses an operation can answer because of its shape alone, whatever it does:
 * a token is checked (401), a JSON body is read strictly (400, 413, 415), a path names a resource
 * that may not exist (404), query values are checked (400), and any unexpected failure is a 500
 * problem. Resources add the ones particular to an operation (403, 409, ...).
 */
final class CommonProblems {

    private CommonProblems() {}

    /** Status code to the name of its response in the document's components, in status order. */
    static Map<String, String> of(boolean secured, boolean body, boolean pathParameters, boolean query) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (body || query) {
            problems.put("400", Problems.BAD_REQUEST);
        }
        if (secured) {
            problems.put("401", Problems.UNAUTHORIZED);
        }
        if (pathParameters) {
            problems.put("404", Problems.NOT_FOUND);
        }
        if (body) {
            problems.put("413", Problems.CONTENT_TOO_LARGE);
            problems.put("415", Problems.UNSUPPORTED_MEDIA_TYPE);
        }
        problems.put("500", Problems.SERVER_ERROR);
        return problems;
    }
}
