package org.borderledger.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Provinces;
import org.borderledger.events.Side;
import org.borderledger.events.agreement.AgreementAmended;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.AgreementTerminated;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.agreement.Signatory;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerRepaired;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;

/**
 * Valid, interleaved histories of all four aggregates for one lane of load (one client owns its lane, so its
 * aggregates see their facts in order). The lane keeps one open history per aggregate type and takes the next fact
 * from each type in turn; a finished history is replaced by a new aggregate. Every history obeys the rules: a marker
 * is planned, reported built by its responsible side, confirmed by the other side, then damaged and repaired; a case is
 * opened by Kiên Giang for a search in Kampot, and units of both provinces record 8 remains recovered, then 8
 * repatriated, never more and never before the first recovery; an indicator is reported and corrected twice, to new
 * values, by its reporting province; an agreement between Kiên Giang and Kampot is signed, reviewed, amended and
 * terminated by its parties.
 */
final class Histories {

    static final String MARKER = "BorderMarker";
    static final String CASE = "RepatriationCase";
    static final String INDICATOR = "CooperationIndicator";
    static final String AGREEMENT = "CooperationAgreement";
    static final List<String> TYPES = List.of(MARKER, CASE, INDICATOR, AGREEMENT);

    static final String GATE = "HA_TIEN-PREK_CHAK";

    private final String lane;
    private final int[] next = new int[TYPES.size()];
    private final int[] made = new int[TYPES.size()];
    private final List<Step>[] open;
    private long turn;

    @SuppressWarnings("unchecked")
    Histories(String lane) {
        this.lane = lane;
        this.open = new List[TYPES.size()];
    }

    /** The next fact of this lane. */
    Step next() {
        int type = (int) (turn++ % TYPES.size());
        if (open[type] == null || next[type] == open[type].size()) {
            open[type] = history(type, made[type]++);
            next[type] = 0;
        }
        return open[type].get(next[type]++);
    }

    /** How many aggregates this lane has started so far. */
    int aggregates() {
        int total = 0;
        for (int count : made) {
            total += count;
        }
        return total;
    }

    private List<Step> history(int type, int n) {
        return switch (TYPES.get(type)) {
            case MARKER -> marker(lane + "-MK" + n, n);
            case CASE -> repatriationCase(lane + "-REP" + n, n);
            case INDICATOR -> indicator(lane + "-IND" + n, n);
            default -> agreement(lane + "-AGR" + n, n);
        };
    }

    static List<Step> marker(String id, int n) {
        Side responsible = n % 2 == 0 ? Side.VN : Side.KH;
        Side other = responsible == Side.VN ? Side.KH : Side.VN;
        MarkerType type = MarkerType.values()[n % MarkerType.values().length];
        GeoPoint planned = new GeoPoint(10.40 + (n % 1000) * 0.0001, 104.40 + (n % 997) * 0.0001);
        GeoPoint surveyed = new GeoPoint(planned.lat() + 0.00005, planned.lon() - 0.00003);
        return List.of(
                new Step(MARKER, id, 0, new MarkerPlanned(id, type, planned, responsible), Units.of(responsible)),
                new Step(
                        MARKER,
                        id,
                        1,
                        new MarkerCompletionReported(id, LocalDate.of(2014, 8, 10), surveyed, responsible),
                        Units.of(responsible)),
                new Step(MARKER, id, 2, new MarkerCompleted(id, LocalDate.of(2014, 8, 15), other), Units.of(other)),
                new Step(
                        MARKER,
                        id,
                        3,
                        new MarkerDamaged(
                                id, LocalDate.of(2019, 2, 1), "Base undercut by the flood of the rainy season"),
                        Units.of(other)),
                new Step(
                        MARKER,
                        id,
                        4,
                        new MarkerRepaired(id, LocalDate.of(2019, 3, 1), "Base rebuilt and re-surveyed jointly"),
                        Units.of(responsible)));
    }

    static List<Step> repatriationCase(String id, int n) {
        RecoverySite site = new RecoverySite(
                Provinces.KAMPOT,
                "Kampong Trach",
                "Kampong Trach Khang Lech",
                new GeoPoint(10.56 + (n % 100) * 0.001, 104.47));
        String receiving = "Kiên Giang Provincial Military Command";
        return List.of(
                new Step(
                        CASE,
                        id,
                        0,
                        new RepatriationCaseOpened(
                                id, "2013-2014", Provinces.KAMPOT, Units.KIEN_GIANG.unit(), Provinces.KIEN_GIANG),
                        Units.KIEN_GIANG),
                new Step(CASE, id, 1, new RemainsRecovered(id, LocalDate.of(2014, 3, 2), 5, site), Units.KIEN_GIANG),
                new Step(CASE, id, 2, new RemainsRecovered(id, LocalDate.of(2014, 3, 10), 3, site), Units.KAMPOT),
                new Step(
                        CASE,
                        id,
                        3,
                        new RemainsRepatriated(id, LocalDate.of(2014, 4, 20), 4, GATE, receiving),
                        Units.KAMPOT),
                new Step(
                        CASE,
                        id,
                        4,
                        new RemainsRepatriated(id, LocalDate.of(2014, 4, 25), 4, GATE, receiving),
                        Units.KIEN_GIANG));
    }

    static List<Step> indicator(String id, int n) {
        Side side = n % 2 == 0 ? Side.VN : Side.KH;
        IndicatorKind kind = IndicatorKind.values()[n % IndicatorKind.values().length];
        long value = 101_000_000L + n;
        return List.of(
                new Step(
                        INDICATOR,
                        id,
                        0,
                        new IndicatorReported(
                                id,
                                kind,
                                LocalDate.of(2014, 1, 1),
                                LocalDate.of(2014, 12, 31),
                                value,
                                GATE,
                                "Department of Industry and Trade",
                                Units.of(side).province()),
                        Units.of(side)),
                new Step(
                        INDICATOR,
                        id,
                        1,
                        new IndicatorCorrected(id, value, value + 500_000, "Customs final figures"),
                        Units.of(side)),
                new Step(
                        INDICATOR,
                        id,
                        2,
                        new IndicatorCorrected(id, value + 500_000, value + 750_000, "Audited by the joint commission"),
                        Units.of(side)));
    }

    static List<Step> agreement(String id, int n) {
        Side side = n % 2 == 0 ? Side.VN : Side.KH;
        Side other = side == Side.VN ? Side.KH : Side.VN;
        return List.of(
                new Step(
                        AGREEMENT,
                        id,
                        0,
                        new AgreementSigned(
                                id,
                                "Cooperation plan 2014-2015",
                                List.of(Provinces.KIEN_GIANG, Provinces.KAMPOT),
                                LocalDate.of(2014, 5, 26),
                                "Rạch Giá",
                                List.of(
                                        new Signatory(
                                                "Leader of Kiên Giang Province", "Vice-chairman", Provinces.KIEN_GIANG),
                                        new Signatory("Governor of Kampot Province", "Governor", Provinces.KAMPOT)),
                                Set.of(
                                        CooperationDomain.BORDER_SECURITY,
                                        CooperationDomain.TRADE,
                                        CooperationDomain.REMAINS_REPATRIATION,
                                        CooperationDomain.BORDER_DEMARCATION),
                                LocalDate.of(2014, 5, 26),
                                LocalDate.of(2015, 12, 31),
                                "KH-HT/2014/05"),
                        Units.of(side)),
                new Step(
                        AGREEMENT,
                        id,
                        1,
                        new AgreementReviewed(
                                id,
                                LocalDate.of(2015, 6, 30),
                                LocalDate.of(2014, 5, 26),
                                LocalDate.of(2015, 5, 31),
                                "Joint patrols held monthly; trade through Hà Tiên – Prek Chak grew"),
                        Units.of(other)),
                new Step(
                        AGREEMENT,
                        id,
                        2,
                        new AgreementAmended(
                                id,
                                LocalDate.of(2015, 7, 1),
                                "Extended by one year; tourism added",
                                Set.of(CooperationDomain.TRADE, CooperationDomain.TOURISM),
                                LocalDate.of(2016, 12, 31),
                                "KH-HT/2015/07"),
                        Units.of(side)),
                new Step(
                        AGREEMENT,
                        id,
                        3,
                        new AgreementTerminated(id, LocalDate.of(2016, 12, 31), "Superseded by the 2017-2018 plan"),
                        Units.of(other)));
    }
}
