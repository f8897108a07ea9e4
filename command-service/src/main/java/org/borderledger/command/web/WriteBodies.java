package org.borderledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Conventions;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

/**
 * Reads the body of a {@link WriteHandler} as its write's request record and validates it, with Spring's own reading
 * and validation of a {@code @Valid @RequestBody}: the same refusals, the same field names.
 */
final class WriteBodies extends RequestResponseBodyMethodProcessor {

    WriteBodies(List<HttpMessageConverter<?>> converters) {
        super(converters);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getDeclaringClass() == WriteHandler.class && parameter.getParameterType() == Object.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory)
            throws Exception {
        HandlerMethod handler = (HandlerMethod) request.getNativeRequest(HttpServletRequest.class)
                .getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        Class<?> type = ((WriteHandler) handler.getBean()).write().body();
        Object body = readWithMessageConverters(request, parameter, type);
        String name = Conventions.getVariableName(body);
        if (binderFactory != null) {
            WebDataBinder binder = binderFactory.createBinder(request, body, name);
            validateIfApplicable(binder, parameter);
            if (binder.getBindingResult().hasErrors() && isBindExceptionRequired(binder, parameter)) {
                throw new MethodArgumentNotValidException(parameter, binder.getBindingResult());
            }
            if (mavContainer != null) {
                mavContainer.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, binder.getBindingResult());
            }
        }
        return body;
    }
}
