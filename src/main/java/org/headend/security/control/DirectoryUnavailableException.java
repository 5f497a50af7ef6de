package org.headend.security.control;

/** The sign-in directory cannot be reached or refuses the service account: not the user's fault. */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
