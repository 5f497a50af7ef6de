package org.headend.security.boundary;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Shows why a sign-in that left the sign-in page (OIDC) did not work, on a console-styled page. */
final class SignInProblems {

    /** The request attribute the page reads; the message never holds a code, token or secret. */
    static final String MESSAGE = "headend.signInProblem";

    private static final String PAGE = "/WEB-INF/errors/sign-in-failed.xhtml";

    private SignInProblems() {}

    static void show(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws ServletException, IOException {
        response.setStatus(status);
        request.setAttribute(MESSAGE, message);
        request.getRequestDispatcher(PAGE).forward(request, response);
    }
}
