package org.borderledger.command.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.borderledger.events.FieldLimits;

/**
 * A free-text field of a request: at most {@link #max()} characters (one of {@link FieldLimits}), and only characters
 * every store and consumer takes ({@link FieldLimits#storable}). {@code null} is valid; add {@code @NotBlank} where the
 * field is required.
 */
@Documented
@Constraint(validatedBy = Text.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Text {

    int max();

    String message() default "at most {max} characters, without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Text, String> {

        private int max;

        @Override
        public void initialize(Text text) {
            max = text.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || (value.length() <= max && FieldLimits.storable(value));
        }
    }
}
