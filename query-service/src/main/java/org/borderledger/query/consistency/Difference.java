package org.borderledger.query.consistency;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * One way a live read model row differs from the row rebuilt from the history.
 *
 * @param key the row's primary key, column to value
 * @param column the column whose values differ; null when the whole row is missing on one side
 * @param live the live value (the row, when only the live side has it), null when absent
 * @param rebuilt the rebuilt value (the row, when only the rebuild has it), null when absent
 */
record Difference(
        String table,
        Map<String, String> key,
        String column,
        @Schema(
                        description =
                                "VALUE: a column differs; MISSING_IN_LIVE, MISSING_IN_REBUILT: a row exists on one side"
                                        + " only")
                Kind kind,
        String live,
        String rebuilt) {

    enum Kind {
        VALUE,
        MISSING_IN_LIVE,
        MISSING_IN_REBUILT
    }
}
