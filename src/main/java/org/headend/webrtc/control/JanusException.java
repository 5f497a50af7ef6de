package org.headend.webrtc.control;

/**
 * Janus refused a request, answered with an error, or could not be reached. The code is Janus's
 * (or a plugin's) error code, 0 when Janus gave none; the message never carries a secret.
 */
public class JanusException extends Exception {

    private static final long serialVersionUID = 1L;
    private final int code;

    public JanusException(int code, String message) {
        super(message);
        this.code = code;
    }

    public JanusException(String message, Throwable cause) {
        super(message, cause);
        this.code = 0;
    }

    public int code() {
        return code;
    }
}
