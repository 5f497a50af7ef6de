package org.headend.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The application's one error page (web.xml), for what the container answers itself: an exception
 * that escapes a servlet or filter, or a {@code sendError}. Under {@code /api/}, and for clients
 * that ask for JSON, the answer is a problem+json like every other API error; elsewhere the
 * console's own 403 and 404 pages or a short HTML page. Never the runtime's report, which shows
 * stack traces. A 5xx becomes an {@link Incident}.
 */
@WebServlet(ErrorPage.PATH)
public class ErrorPage extends HttpServlet {

    static final String PATH = "/error-page";
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = failure != null && code < 500 ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : code;
        if (status == HttpServletResponse.SC_NOT_IMPLEMENTED) {
            // Servlets answer a method they do not know (PATCH, FOO) with 501: the client's mistake.
            status = HttpServletResponse.SC_METHOD_NOT_ALLOWED;
        }
        Problem problem = status >= 500
                ? Incident.record(request.getMethod() + " " + uri + " (" + code + ")", failure)
                        .problem(uri)
                : new Problem(status, reason(status), detail(status), uri);
        response.resetBuffer();
        if (uri.startsWith(request.getContextPath() + "/api/") || asksForJson(request)) {
            problem.writeTo(response);
        } else if (status == 403 || status == 404) {
            request.getRequestDispatcher("/WEB-INF/errors/" + status + ".xhtml").forward(request, response);
        } else {
            page(problem, response);
        }
    }

    private static boolean asksForJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("html");
    }

    private static void page(Problem problem, HttpServletResponse response) throws IOException {
        response.setStatus(problem.status());
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + problem.title()
                        + " · Headend</title></head><body><h1>" + problem.title() + "</h1><p>" + problem.detail()
                        + "</p><p><a href=\"/\">Back to the dashboard</a></p></body></html>");
    }

    private static String reason(int status) {
        var known = jakarta.ws.rs.core.Response.Status.fromStatusCode(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 401 -> "Sign in first.";
            case 403 -> "Your role does not allow this.";
            case 404 -> "No such resource.";
            case 405 -> "Method not allowed on this resource.";
            default -> "The request was refused.";
        };
    }
}
