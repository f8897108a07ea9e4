package org.borderledger.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An OpenID Connect provider as small as the console's sign-in needs, on 127.0.0.1: discovery, an authorization
 * endpoint that signs the user in at once and redirects back with a code, and a token endpoint that gives the token
 * only for the code with the PKCE verifier whose S256 challenge came with it (RFC 7636), to the same client and
 * redirect URI. It counts the exchanges it refused.
 */
final class FakeOpenIdProvider implements AutoCloseable {

    private record Pending(String clientId, String redirectUri, String challenge) {}

    private final HttpServer server;
    private final String clientId;
    private final Supplier<String> token;
    private final Map<String, Pending> codes = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger issued = new AtomicInteger();

    FakeOpenIdProvider(String clientId, Supplier<String> token) throws IOException {
        this.clientId = clientId;
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int tokensIssued() {
        return issued.get();
    }

    int exchangesRefused() {
        return refused.get();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        json(
                exchange,
                200,
                "{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\"" + issuer()
                        + "/authorize\",\"token_endpoint\":\"" + issuer() + "/token\"}");
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!"code".equals(query.get("response_type"))
                || !clientId.equals(query.get("client_id"))
                || !"S256".equals(query.get("code_challenge_method"))
                || query.get("code_challenge") == null
                || query.get("state") == null) {
            refused.incrementAndGet();
            json(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Pending(query.get("client_id"), query.get("redirect_uri"), query.get("code_challenge")));
        URI back = URI.create(query.get("redirect_uri") + "?code=" + code + "&state=" + query.get("state"));
        exchange.getResponseHeaders().add("Location", back.toString());
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            json(exchange, 204, null);
            return;
        }
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Pending pending = codes.remove(String.valueOf(body.get("code")));
        if (pending == null
                || !"authorization_code".equals(body.get("grant_type"))
                || !pending.clientId().equals(body.get("client_id"))
                || !pending.redirectUri().equals(body.get("redirect_uri"))
                || body.get("code_verifier") == null
                || !pending.challenge().equals(s256(body.get("code_verifier")))) {
            refused.incrementAndGet();
            json(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        issued.incrementAndGet();
        json(exchange, 200, "{\"access_token\":\"" + token.get() + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** Answers with CORS open to any origin, as an identity provider does for its configured web origins. */
    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "content-type");
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
