package org.borderledger.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as {@code application/problem+json}, like every other refusal of the ledger. */
final class SecurityProblems {

    private final ObjectMapper json = new ObjectMapper();

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            String detail = exception instanceof InvalidBearerTokenException
                    ? "The bearer token was refused: " + exception.getMessage()
                    : "A bearer token is required.";
            response.setHeader("WWW-Authenticate", "Bearer");
            write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "unauthenticated",
                    "Not authenticated",
                    detail,
                    request.getRequestURI());
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Not allowed",
                "The token's roles do not allow this request.",
                request.getRequestURI());
    }

    private void write(
            HttpServletResponse response, HttpStatus status, String type, String title, String detail, String path)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(type));
        problem.setTitle(title);
        problem.setInstance(URI.create(path));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
