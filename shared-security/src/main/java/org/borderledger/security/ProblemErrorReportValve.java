package org.borderledger.security;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answers — a request it refuses before any servlet sees it, such as a path with {@code %00} or a
 * malformed request line — as problem+json like every other refusal of the ledger, instead of Tomcat's HTML page.
 * Answers a servlet has already written are left as they are.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String name = status == 400 ? "bad-request" : status == 404 ? "not-found" : "http-" + status;
        String title = status == 400 ? "Bad request" : status == 404 ? "Not found" : "HTTP " + status;
        String body = "{\"type\":\"" + ProblemTypes.uri(name) + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"The server refused the request before reading it: " + detail(status) + "\"}";
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

    private static String detail(int status) {
        return status == 400
                ? "the request line or path is malformed (for example a control character such as %00)"
                : "status " + status;
    }
}
