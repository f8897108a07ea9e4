package org.borderledger.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A controller parameter of one type, worked out from the request (and the authenticated principal, through
 * {@link LedgerSecurity#current()}) rather than bound from the body: the principal itself, a submission's context.
 */
public final class RequestParameters {

    private RequestParameters() {}

    public static <T> HandlerMethodArgumentResolver of(Class<T> type, Function<HttpServletRequest, T> value) {
        return new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == type;
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer container,
                    NativeWebRequest request,
                    WebDataBinderFactory binders) {
                return value.apply(request.getNativeRequest(HttpServletRequest.class));
            }
        };
    }
}
