package org.borderledger.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowDifferencesTest {

    static final List<String> KEY = List.of("case_id", "sequence_number");
    static final List<String> COLUMNS = List.of("case_id", "sequence_number", "kind", "remains_count", "site_lat");

    @Test
    void equalRowsDoNotDiffer() {
        assertThat(RowDifferences.between("repatriation_case_line", KEY, COLUMNS, line(12), line(12)))
                .isEmpty();
    }

    @Test
    void reportsEachDifferingColumnWithTheRowsKeyAndBothValues() {
        Map<String, Object> live = line(999);
        live.put("site_lat", null);

        assertThat(RowDifferences.between("repatriation_case_line", KEY, COLUMNS, live, line(12)))
                .containsExactly(
                        new Difference(
                                "repatriation_case_line",
                                Map.of("case_id", "REP-1", "sequence_number", "3"),
                                "remains_count",
                                Difference.Kind.VALUE,
                                "999",
                                "12"),
                        new Difference(
                                "repatriation_case_line",
                                Map.of("case_id", "REP-1", "sequence_number", "3"),
                                "site_lat",
                                Difference.Kind.VALUE,
                                null,
                                "10.56"));
    }

    @Test
    void aRowOnOneSideOnlyIsReportedWholeUnderItsKey() {
        assertThat(RowDifferences.between("repatriation_case_line", KEY, COLUMNS, null, line(12)))
                .containsExactly(new Difference(
                        "repatriation_case_line",
                        Map.of("case_id", "REP-1", "sequence_number", "3"),
                        null,
                        Difference.Kind.MISSING_IN_LIVE,
                        null,
                        "{case_id=REP-1, sequence_number=3, kind=RECOVERY, remains_count=12, site_lat=10.56}"));
        assertThat(RowDifferences.between("repatriation_case_line", KEY, COLUMNS, line(12), null))
                .extracting(Difference::kind)
                .containsExactly(Difference.Kind.MISSING_IN_REBUILT);
    }

    @Test
    void rendersValuesSoThatTheSameValueReadDifferentlyIsTheSameText() {
        Instant instant = Instant.parse("2014-03-02T08:15:30Z");

        assertThat(RowDifferences.render(Timestamp.from(instant)))
                .isEqualTo(RowDifferences.render(instant.atOffset(ZoneOffset.ofHours(7))))
                .isEqualTo("2014-03-02T08:15:30Z");
        assertThat(RowDifferences.render(new BigDecimal("1.50")))
                .isEqualTo(RowDifferences.render(new BigDecimal("1.5")));
        assertThat(RowDifferences.render(new BigDecimal("0.00"))).isEqualTo("0");
        assertThat(RowDifferences.render(new byte[] {0x0f, (byte) 0xa0})).isEqualTo("0fa0");
        assertThat(RowDifferences.render(null)).isNull();
    }

    private static Map<String, Object> line(int count) {
        Map<String, Object> row = new HashMap<>();
        row.put("case_id", "REP-1");
        row.put("sequence_number", 3L);
        row.put("kind", "RECOVERY");
        row.put("remains_count", count);
        row.put("site_lat", 10.56);
        return row;
    }
}
