package org.borderledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.borderledger.events.Side;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.junit.jupiter.api.Test;

class HistoriesTest {

    private static List<Step> steps(String lane, int count) {
        Histories histories = new Histories(lane);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            steps.add(histories.next());
        }
        return steps;
    }

    @Test
    void mixesAllFourAggregateTypesInEqualShares() {
        Map<String, Long> byType =
                steps("L", 400).stream().collect(Collectors.groupingBy(Step::aggregateType, Collectors.counting()));

        assertThat(byType).containsOnlyKeys(Histories.TYPES).allSatisfy((type, count) -> assertThat(count)
                .isEqualTo(100));
    }

    @Test
    void givesEveryAggregateConsecutiveSequenceNumbersFromZeroAndStartsNewAggregatesWhenOneIsDone() {
        Map<String, List<Long>> sequences = new HashMap<>();
        for (Step step : steps("L", 1000)) {
            sequences
                    .computeIfAbsent(step.aggregateId(), id -> new ArrayList<>())
                    .add(step.sequence());
        }

        assertThat(sequences).hasSizeGreaterThan(200);
        sequences.values().forEach(list -> {
            for (int i = 0; i < list.size(); i++) {
                assertThat(list.get(i)).isEqualTo(i);
            }
        });
    }

    @Test
    void lanesNeverShareAnAggregate() {
        Set<String> first = steps("A1", 500).stream().map(Step::aggregateId).collect(Collectors.toSet());
        Set<String> second = steps("A2", 500).stream().map(Step::aggregateId).collect(Collectors.toSet());

        assertThat(first).doesNotContainAnyElementsOf(second);
    }

    @Test
    void markersAreReportedByTheResponsibleSideAndConfirmedByTheOther() {
        Map<String, Side> responsible = new HashMap<>();
        int confirmations = 0;
        for (Step step : steps("L", 400)) {
            if (step.event() instanceof MarkerPlanned planned) {
                responsible.put(planned.markerId(), planned.responsibleSide());
            } else if (step.event() instanceof MarkerCompletionReported reported) {
                assertThat(step.submitter().side()).isEqualTo(responsible.get(reported.markerId()));
            } else if (step.event() instanceof MarkerCompleted completed) {
                assertThat(step.submitter().side()).isNotEqualTo(responsible.get(completed.markerId()));
                assertThat(completed.confirmingSide())
                        .isEqualTo(step.submitter().side());
                confirmations++;
            }
        }
        assertThat(confirmations).isPositive();
        assertThat(new HashSet<>(responsible.values())).containsExactlyInAnyOrder(Side.VN, Side.KH);
    }

    @Test
    void casesNeverRepatriateMoreThanRecoveredNorBeforeTheFirstRecovery() {
        Map<String, Long> recovered = new HashMap<>();
        Map<String, Long> repatriated = new HashMap<>();
        Map<String, LocalDate> firstRecovery = new HashMap<>();
        Set<String> provinces = new HashSet<>();
        for (Step step : steps("L", 400)) {
            if (step.event() instanceof RemainsRecovered recovery) {
                recovered.merge(recovery.caseId(), (long) recovery.count(), Long::sum);
                firstRecovery.putIfAbsent(recovery.caseId(), recovery.recoveredOn());
                provinces.add(step.submitter().province());
            } else if (step.event() instanceof RemainsRepatriated repatriation) {
                long total = repatriated.merge(repatriation.caseId(), (long) repatriation.count(), Long::sum);
                assertThat(total).isLessThanOrEqualTo(recovered.getOrDefault(repatriation.caseId(), 0L));
                assertThat(repatriation.repatriatedOn()).isAfterOrEqualTo(firstRecovery.get(repatriation.caseId()));
                provinces.add(step.submitter().province());
            }
        }
        assertThat(provinces).containsExactlyInAnyOrder("VN-47", "KH-7");
    }

    @Test
    void indicatorsAreCorrectedToNewValuesByTheReportingProvinceOnly() {
        Map<String, String> reporter = new HashMap<>();
        Map<String, Long> value = new HashMap<>();
        for (Step step : steps("L", 400)) {
            if (step.event() instanceof IndicatorReported reported) {
                reporter.put(reported.indicatorId(), reported.reportingProvince());
                value.put(reported.indicatorId(), reported.value());
                assertThat(step.submitter().province()).isEqualTo(reported.reportingProvince());
            } else if (step.event() instanceof IndicatorCorrected corrected) {
                assertThat(step.submitter().province()).isEqualTo(reporter.get(corrected.indicatorId()));
                assertThat(corrected.previousValue()).isEqualTo(value.get(corrected.indicatorId()));
                assertThat(corrected.value()).isNotEqualTo(corrected.previousValue());
                value.put(corrected.indicatorId(), corrected.value());
            }
        }
    }

    @Test
    void agreementsAreRecordedByTheirPartiesOnly() {
        Map<String, List<String>> parties = new HashMap<>();
        for (Step step : steps("L", 400)) {
            if (step.event() instanceof AgreementSigned signed) {
                parties.put(signed.agreementId(), signed.parties());
            }
            if (step.aggregateType().equals(Histories.AGREEMENT)) {
                assertThat(parties.get(step.aggregateId()))
                        .contains(step.submitter().province());
            }
        }
    }

    @Test
    void everyFactHasItsHttpWriteAndEveryAggregateItsRead() throws Exception {
        for (Step step : steps("L/1", 100)) {
            HttpWrites.Write write = HttpWrites.of(step);
            assertThat(write.path()).startsWith("/api/").doesNotContain("L/1");
            assertThat(write.body()).startsWith("{").endsWith("}");
            assertThat(HttpWrites.readPath(step)).startsWith("/api/").contains("L%2F1");
        }
        Step planned = Histories.marker("M-1", 0).get(0);
        // the same JSON object, whatever the order of its members
        assertThat(new ObjectMapper().readTree(HttpWrites.of(planned).body()))
                .isEqualTo(new ObjectMapper()
                        .readTree("{\"id\":\"M-1\",\"type\":\"MAIN\",\"plannedLat\":10.4,\"plannedLon\":104.4,"
                                + "\"responsibleSide\":\"VN\"}"));
    }
}
