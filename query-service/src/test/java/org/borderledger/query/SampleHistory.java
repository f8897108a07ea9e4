package org.borderledger.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.agreement.Signatory;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;

/**
 * A year of the programme in a dozen events, one aggregate of each kind: an agreement signed and
 * reviewed, a repatriation case with 12 remains recovered (the recovery delivered twice, as at-least-once may) and 10
 * repatriated, a marker planned, reported and confirmed, a trade figure reported and corrected to 9.5 million USD.
 */
public final class SampleHistory {

    private SampleHistory() {}

    /** Where the history goes: the topic ({@link TopicWriter}) or a list of messages. */
    public interface Sink {

        /** Records event {@code sequence} of an aggregate; answers its position. */
        long send(String aggregateType, String aggregateId, long sequence, Object payload);

        /** Records the last event once more, same id and position: an at-least-once redelivery. */
        void repeatLast();
    }

    /** The case id of the history with {@code prefix}. */
    public static String caseId(String prefix) {
        return prefix + "-REP";
    }

    /** Writes the history dated in {@code year}, ids starting with {@code prefix}; answers its highest position. */
    public static long write(Sink topic, String prefix, int year) {
        LocalDate day = LocalDate.of(year, 3, 2);
        String agreement = prefix + "-AGR";
        String repatriationCase = caseId(prefix);
        String marker = prefix + "-314/1";
        String indicator = prefix + "-IND";
        topic.send(
                "CooperationAgreement",
                agreement,
                0,
                new AgreementSigned(
                        agreement,
                        "Plan " + year,
                        List.of("VN-47", "KH-7"),
                        day,
                        "Hà Tiên",
                        List.of(new Signatory("Nguyễn Văn A", "Vice-chairman", "VN-47")),
                        Set.of(CooperationDomain.TRADE, CooperationDomain.REMAINS_REPATRIATION),
                        day,
                        LocalDate.of(year, 12, 31),
                        "DOC-" + year));
        topic.send(
                "CooperationAgreement",
                agreement,
                1,
                new AgreementReviewed(agreement, day.plusMonths(6), day, day.plusMonths(5), "on track"));
        topic.send(
                "RepatriationCase",
                repatriationCase,
                0,
                new RepatriationCaseOpened(repatriationCase, (year - 1) + "-" + year, "KH-7", "K90", "VN-47"));
        topic.send(
                "RepatriationCase",
                repatriationCase,
                1,
                new RemainsRecovered(
                        repatriationCase,
                        day,
                        12,
                        new RecoverySite("KH-7", "Kampot", null, new GeoPoint(10.6, 104.2))));
        topic.repeatLast();
        topic.send(
                "RepatriationCase",
                repatriationCase,
                2,
                new RemainsRepatriated(repatriationCase, day.plusDays(30), 10, "HA_TIEN-PREK_CHAK", "K90"));
        topic.send(
                "BorderMarker",
                marker,
                0,
                new MarkerPlanned(marker, MarkerType.SUB, new GeoPoint(10.42, 104.49), Side.VN));
        topic.send(
                "BorderMarker",
                marker,
                1,
                new MarkerCompletionReported(marker, day, new GeoPoint(10.4201, 104.4902), Side.VN));
        topic.send("BorderMarker", marker, 2, new MarkerCompleted(marker, day.plusDays(5), Side.KH));
        topic.send(
                "CooperationIndicator",
                indicator,
                0,
                new IndicatorReported(
                        indicator,
                        IndicatorKind.TRADE_TURNOVER_USD,
                        LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31),
                        9_000_000,
                        null,
                        "IT",
                        "VN-47"));
        return topic.send(
                "CooperationIndicator", indicator, 1, new IndicatorCorrected(indicator, 9_000_000, 9_500_000, "final"));
    }
}
