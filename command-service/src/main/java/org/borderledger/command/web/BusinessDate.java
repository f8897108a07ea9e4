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
import java.time.LocalDate;
import org.borderledger.events.FieldLimits;

/**
 * A date of a fact or a period, between {@link FieldLimits#EARLIEST_DATE} and {@link FieldLimits#LATEST_DATE}: every
 * database and consumer stores those, and far-off years make no fact of this ledger. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = BusinessDate.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface BusinessDate {

    String message() default "{org.borderledger.command.web.BusinessDate.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<BusinessDate, LocalDate> {

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null
                    || (!value.isBefore(FieldLimits.EARLIEST_DATE) && !value.isAfter(FieldLimits.LATEST_DATE));
        }
    }
}
