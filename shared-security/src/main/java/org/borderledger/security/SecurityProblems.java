package org.borderledger.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * 401 and 403 as {@code application/problem+json}, like every other refusal of the ledger, with title and detail in
 * the request's language ({@link LedgerLocales}) from the service's message catalogues ({@code i18n/security-messages}).
 */
final class SecurityProblems {

    private final ObjectMapper json = new ObjectMapper();

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            boolean refused = exception instanceof InvalidBearerTokenException;
            String detail =
                    refused ? "The bearer token was refused: " + exception.getMessage() : "A bearer token is required.";
            response.setHeader("WWW-Authenticate", "Bearer");
            write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "unauthenticated",
                    "Not authenticated",
                    refused ? "problemDetail.unauthenticated.refused" : "problemDetail.unauthenticated",
                    detail,
                    refused ? new Object[] {exception.getMessage()} : null);
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Not allowed",
                "problemDetail.forbidden",
                "The token's roles do not allow this request.",
                null);
    }

    private void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String type,
            String title,
            String detailCode,
            String detail,
            Object[] arguments)
            throws IOException {
        Locale locale = LedgerLocales.of(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        MessageSource messages = WebApplicationContextUtils.findWebApplicationContext(request.getServletContext());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, messages == null ? detail : messages.getMessage(detailCode, arguments, detail, locale));
        problem.setType(ProblemTypes.uri(type));
        problem.setTitle(
                messages == null ? title : messages.getMessage("problemDetail.title." + type, null, title, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
