package org.borderledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Pattern;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * Every string any request of the write API carries is bounded ({@link Text} or an id-like {@link Pattern}), and every
 * date is a {@link BusinessDate}: a request record that gains an unbounded field fails here.
 */
class RequestBoundsTest {

    @Test
    void boundsEveryStringAndEveryDateOfEveryRequest() throws Exception {
        List<Class<?>> requests = requestRecords();
        List<String> unbounded = new ArrayList<>();
        for (Class<?> request : requests) {
            for (RecordComponent component : request.getRecordComponents()) {
                Field field = request.getDeclaredField(component.getName());
                check(request.getSimpleName() + "." + component.getName(), field.getAnnotatedType(), field, unbounded);
            }
        }

        assertThat(requests)
                .extracting(Class::getSimpleName)
                .contains("SignAgreementRequest", "RecoverySiteRequest", "ReportIndicatorRequest", "Item");
        assertThat(unbounded).isEmpty();
    }

    private static void check(String name, AnnotatedType type, AnnotatedElement declared, List<String> unbounded) {
        if (type.getType() == String.class && !bounded(type) && !bounded(declared)) {
            unbounded.add(name + " (a string without @Text or @Pattern)");
        }
        if (type.getType() == LocalDate.class
                && !type.isAnnotationPresent(BusinessDate.class)
                && !declared.isAnnotationPresent(BusinessDate.class)) {
            unbounded.add(name + " (a date without @BusinessDate)");
        }
        if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                check(name + "[]", argument, argument, unbounded);
            }
        }
    }

    private static boolean bounded(AnnotatedElement element) {
        return element.isAnnotationPresent(Text.class) || element.isAnnotationPresent(Pattern.class);
    }

    private static List<Class<?>> requestRecords() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> {
            String name = reader.getClassMetadata().getClassName();
            return name.endsWith("Request") || name.endsWith("BatchController$Item");
        });
        List<Class<?>> records = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.borderledger.command")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isRecord()) {
                records.add(type);
            }
        }
        return records;
    }
}
