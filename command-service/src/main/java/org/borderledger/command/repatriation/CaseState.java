package org.borderledger.command.repatriation;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.borderledger.command.AuditedState;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;

/**
 * A remains repatriation case: how many remains were recovered and repatriated, and how many still wait. Its provinces
 * are the one that opened it, the one searched and those of every recovery site.
 */
public record CaseState(
        String caseId,
        String season,
        String openedByProvince,
        String searchProvince,
        SortedSet<String> provinces,
        int recovered,
        int repatriated,
        int remaining,
        LocalDate firstRecoveredOn,
        LocalDate lastRecoveredOn,
        LocalDate lastRepatriatedOn)
        implements AuditedState {

    /** The state the aggregate's first event creates; {@link UnexpectedEvent} for any other first event. */
    public static CaseState begin(Object first) {
        if (first instanceof RepatriationCaseOpened event) {
            return opened(event);
        }
        throw new UnexpectedEvent("no repatriation case yet", first);
    }

    private static CaseState opened(RepatriationCaseOpened event) {
        return new CaseState(
                event.caseId(),
                event.season(),
                event.openedByProvince(),
                event.searchProvince(),
                provinces(new TreeSet<>(), event.openedByProvince(), event.searchProvince()),
                0,
                0,
                0,
                null,
                null,
                null);
    }

    @Override
    public CaseState apply(Object event) {
        if (event instanceof RemainsRecovered recovery) {
            return new CaseState(
                    caseId,
                    season,
                    openedByProvince,
                    searchProvince,
                    recovery.site() == null
                            ? provinces
                            : provinces(provinces, recovery.site().province()),
                    recovered + recovery.count(),
                    repatriated,
                    remaining + recovery.count(),
                    earlier(firstRecoveredOn, recovery.recoveredOn()),
                    later(lastRecoveredOn, recovery.recoveredOn()),
                    lastRepatriatedOn);
        }
        if (event instanceof RemainsRepatriated repatriation) {
            return new CaseState(
                    caseId,
                    season,
                    openedByProvince,
                    searchProvince,
                    provinces,
                    recovered,
                    repatriated + repatriation.count(),
                    remaining - repatriation.count(),
                    firstRecoveredOn,
                    lastRecoveredOn,
                    later(lastRepatriatedOn, repatriation.repatriatedOn()));
        }
        throw new UnexpectedEvent("a repatriation case", event);
    }

    private static SortedSet<String> provinces(SortedSet<String> known, String... more) {
        TreeSet<String> provinces = new TreeSet<>(known);
        for (String province : more) {
            if (province != null) {
                provinces.add(province);
            }
        }
        return Collections.unmodifiableSortedSet(provinces);
    }

    private static LocalDate earlier(LocalDate known, LocalDate date) {
        return known == null || (date != null && date.isBefore(known)) ? date : known;
    }

    private static LocalDate later(LocalDate known, LocalDate date) {
        return known == null || (date != null && date.isAfter(known)) ? date : known;
    }
}
