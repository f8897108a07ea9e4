package org.borderledger.command.repatriation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.borderledger.command.Submitter;
import org.borderledger.command.province.BundledProvinces;
import org.borderledger.command.repatriation.RepatriationCaseCommands.RecordRemainsRecovery;
import org.borderledger.command.repatriation.RepatriationCaseCommands.RecordRepatriation;
import org.borderledger.events.Side;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;

/** A season of recoveries and repatriations in any order, with any counts and dates, submitted one by one. */
class RepatriationCasePropertyTest {

    private static final String CASE = "REP-2014-KP-01";
    private static final LocalDate SEASON_START = LocalDate.of(2014, 1, 1);
    private static final Submitter SEARCH_TEAM =
            new Submitter("kg-k92", "KG-MILITARY-COMMAND-SEARCH-TEAM", Side.VN, "VN-47");
    private static final RecoverySite KAMPONG_TRACH = new RecoverySite("KH-7", "Kampong Trach", null, null);
    private static final RepatriationCaseOpened OPENED =
            new RepatriationCaseOpened(CASE, "2013-2014", "KH-7", "KG-MILITARY-COMMAND-SEARCH-TEAM", "VN-47");

    @Property(tries = 300)
    void acceptedEventsNeverRepatriateMoreThanWasRecovered(@ForAll("seasons") List<Object> commands) {
        List<Object> history = submitOneByOne(commands);

        long recovered = 0;
        long repatriated = 0;
        for (Object event : history) {
            if (event instanceof RemainsRecovered recovery) {
                recovered += recovery.count();
            } else if (event instanceof RemainsRepatriated repatriation) {
                repatriated += repatriation.count();
            }
            assertThat(repatriated).as("repatriated so far").isLessThanOrEqualTo(recovered);
        }
    }

    /**
     * The bound is exact: what was recovered and not yet repatriated can all go home, and not one more (so the first
     * property cannot pass by refusing everything). Totals may exceed an {@code int}.
     */
    @Property(tries = 300)
    void everythingRecoveredAndNotYetRepatriatedCanBeRepatriated(@ForAll("seasons") List<Object> commands) {
        List<Object> history = submitOneByOne(commands);
        long recovered = history.stream()
                .filter(RemainsRecovered.class::isInstance)
                .mapToLong(event -> ((RemainsRecovered) event).count())
                .sum();
        long repatriated = history.stream()
                .filter(RemainsRepatriated.class::isInstance)
                .mapToLong(event -> ((RemainsRepatriated) event).count())
                .sum();
        long awaiting = recovered - repatriated;
        int all = (int) Math.min(awaiting, Integer.MAX_VALUE);
        LocalDate afterTheSeason = SEASON_START.plusYears(1);

        if (all > 0) {
            assertThat(submit(history, repatriation(afterTheSeason, all)))
                    .containsExactly(new RemainsRepatriated(CASE, afterTheSeason, all, "HA_TIEN-PREK_CHAK", "KG"));
        }
        if (awaiting < Integer.MAX_VALUE) {
            assertThat(submit(history, repatriation(afterTheSeason, (int) awaiting + 1)))
                    .isEmpty();
        }
    }

    @Provide
    Arbitrary<List<Object>> seasons() {
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 120);
        Arbitrary<Integer> counts = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(-2, 40)), Tuple.of(1, Arbitraries.integers()));
        Arbitrary<Object> recoveries = Combinators.combine(days, counts)
                .as((day, count) ->
                        new RecordRemainsRecovery(CASE, SEASON_START.plusDays(day), count, KAMPONG_TRACH, SEARCH_TEAM));
        Arbitrary<Object> repatriations =
                Combinators.combine(days, counts).as((day, count) -> repatriation(SEASON_START.plusDays(day), count));
        return Arbitraries.oneOf(recoveries, repatriations).list().ofMaxSize(12);
    }

    private static RecordRepatriation repatriation(LocalDate on, int count) {
        return new RecordRepatriation(CASE, on, count, "HA_TIEN-PREK_CHAK", "KG", SEARCH_TEAM);
    }

    /** Submits each command to the case as it stands, keeping the events of those accepted. */
    private static List<Object> submitOneByOne(List<Object> commands) {
        List<Object> history = new ArrayList<>(List.of(OPENED));
        for (Object command : commands) {
            history.addAll(submit(history, command));
        }
        return history;
    }

    /** The events a command causes, none when it is refused. */
    private static List<Object> submit(List<Object> history, Object command) {
        FixtureConfiguration<RepatriationCase> fixture = new AggregateTestFixture<>(RepatriationCase.class)
                .registerInjectableResource(BundledProvinces.EFFECTIVE);
        List<Object> caused = new ArrayList<>();
        fixture.given(history).when(command).expectEventsMatching(Matchers.<List<EventMessage<?>>>matches(events -> {
            events.forEach(event -> caused.add(event.getPayload()));
            return true;
        }));
        return caused;
    }
}
