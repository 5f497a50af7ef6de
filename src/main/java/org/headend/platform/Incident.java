package org.headend.platform;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An unexpected failure: logged once with its stack trace under a short random id, which the
 * caller gets in the 500 problem's detail instead of any internal detail. Whoever reads the log can
 * then find the one stack trace a user reports.
 */
public record Incident(String id) {

    private static final Logger LOG = Logger.getLogger(Incident.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Logs the failure of a request. {@code where} is the method and path only: a query string may
     * carry a secret (the nginx hooks' one does).
     */
    public static Incident record(String where, Throwable failure) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        var incident = new Incident(HexFormat.of().formatHex(bytes));
        LOG.log(Level.SEVERE, "Incident " + incident.id + ": " + where + " failed", failure);
        return incident;
    }

    public Problem problem(String instance) {
        return new Problem(
                500,
                "Internal Server Error",
                "Incident " + id + ": the server failed to handle the request; its log has the details under this id.",
                instance);
    }
}
