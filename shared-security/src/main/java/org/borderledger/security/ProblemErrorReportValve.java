package org.borderledger.security;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answers — a request it refuses before any servlet sees it, such as a path with {@code %00} or a
 * malformed request line — as problem+json like every other refusal of the ledger, instead of Tomcat's HTML page.
 * Answers a servlet has already written are left as they are. Title and detail follow the request's
 * {@code Accept-Language} ({@link LedgerLocales}), from the catalogue {@code i18n/security-messages}: Spring's message
 * source is not running at this point, so the bundle is read directly.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String name = status == 400 ? "bad-request" : status == 404 ? "not-found" : "http-" + status;
        Locale locale = LedgerLocales.of(request.getHeader("Accept-Language"));
        String title = message(
                locale,
                status == 400
                        ? "valve.title.bad-request"
                        : status == 404 ? "valve.title.not-found" : "valve.title.status",
                status);
        String detail = message(
                locale, "valve.detail", message(locale, status == 400 ? "valve.bad-request" : "valve.status", status));
        String body = "{\"type\":\"" + ProblemTypes.uri(name) + "\",\"title\":\"" + json(title) + "\",\"status\":"
                + status + ",\"detail\":\"" + json(detail) + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone; nothing more to say on it
        }
    }

    private static String message(Locale locale, String key, Object argument) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(
                            "i18n/security-messages",
                            locale,
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
        } catch (MissingResourceException missing) {
            return key + " " + argument;
        }
        return new MessageFormat(pattern, locale).format(new Object[] {String.valueOf(argument)});
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
