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
 * A free-text field of a request: at most {@link #max()} characters, counted in code points ({@link FieldLimits#length}),
 * and only characters every store and consumer takes ({@link FieldLimits#storable}). {@code null} is valid; add
 * {@code @NotBlank} where the field is required. Text arrives in NFC ({@link NormalizedText}), so a name typed with
 * combining marks counts as it is stored.
 */
@Documented
@Constraint(validatedBy = Text.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Text {

    int max();

    String message() default "{org.borderledger.command.web.Text.message}";

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
            return value == null || (FieldLimits.length(value) <= max && FieldLimits.storable(value));
        }
    }
}
