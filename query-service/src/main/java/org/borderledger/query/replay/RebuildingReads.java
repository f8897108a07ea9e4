package org.borderledger.query.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * What reads answer while a replay rebuilds the read models: they are answered, from the tables as far as the rebuild
 * has come, and say so. The header {@value #HEADER}{@code : true} and, in every JSON body (problem details included),
 * {@code "rebuilding": true}; the position they reflect is the usual {@code X-Ledger-Position}/{@code position}, the
 * highest event position the rebuild has reached. A read with {@code minPosition} waits for the rebuild to reach that
 * event, as it waits for new events. Outside a replay neither header nor field is present.
 */
@RestControllerAdvice
class RebuildingReads implements HandlerInterceptor, ResponseBodyAdvice<Object> {

    static final String HEADER = "X-Ledger-Rebuilding";
    static final String FIELD = "rebuilding";
    private static final String ATTRIBUTE = RebuildingReads.class.getName();

    private final RebuildState state;
    private final ObjectMapper json;

    RebuildingReads(RebuildState state, ObjectMapper json) {
        this.state = state;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (state.rebuilding()) {
            request.setAttribute(ATTRIBUTE, Boolean.TRUE);
            response.setHeader(HEADER, "true");
        }
        return true;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body == null
                || !(request instanceof ServletServerHttpRequest servlet)
                || servlet.getServletRequest().getAttribute(ATTRIBUTE) == null) {
            return body;
        }
        if (body instanceof ProblemDetail problem) {
            problem.setProperty(FIELD, true);
            return problem;
        }
        JsonNode tree = json.valueToTree(body);
        if (tree instanceof ObjectNode object) {
            object.put(FIELD, true);
            return object;
        }
        return body;
    }
}
