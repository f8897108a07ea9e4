package org.borderledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {

    record Body(@Pattern(regexp = Ids.PATTERN) String id) {}

    final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void takesReadableIdsMarkerNumbersAndDotsInsideASegment() {
        for (String id : new String[] {"AGR-2014-001", "314/1", "314/1.2", "KG.BG.01", "a..b", "A/b.c/d", "1"}) {
            assertThat(Ids.valid(id)).as(id).isTrue();
            assertThat(validator.validate(new Body(id))).as(id).isEmpty();
        }
    }

    @Test
    void refusesADotOrTwoDotsAsAPathSegmentNamingTheField() {
        for (String id : new String[] {"A/..", "A/../B", "A/.", "A/./B", "314/../../admin", "A/..//B"}) {
            assertThat(Ids.valid(id)).as(id).isFalse();
            Set<ConstraintViolation<Body>> violations = validator.validate(new Body(id));
            assertThat(violations).as(id).hasSize(1);
            assertThat(violations.iterator().next().getPropertyPath()).hasToString("id");
        }
    }

    @Test
    void stillRefusesWhatItRefused() {
        for (String id : new String[] {".", "..", "./A", "-A", "A B", "", "A/\u0000"}) {
            assertThat(Ids.valid(id)).as(id).isFalse();
        }
    }
}
