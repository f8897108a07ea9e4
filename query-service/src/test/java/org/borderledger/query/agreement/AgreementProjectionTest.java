package org.borderledger.query.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.borderledger.events.agreement.AgreementAmended;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.AgreementTerminated;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.agreement.Signatory;
import org.borderledger.query.EventFeed;
import org.borderledger.query.ReadModelDatabase;
import org.junit.jupiter.api.Test;

class AgreementProjectionTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    final ReadModelDatabase database = ReadModelDatabase.migrated();
    final AgreementViewRepository views = new AgreementViewRepository(database.jdbc());
    final EventFeed feed = new EventFeed(new AgreementProjection(database.writes()));

    @Test
    void aSignedAgreementIsInForceWithEverythingItWasSignedWith() {
        feed.publish("AGR-2014-001", signed("AGR-2014-001", LocalDate.of(2015, 12, 31)));

        AgreementView view =
                views.find("AGR-2014-001", LocalDate.of(2014, 6, 1)).orElseThrow();

        assertThat(view.title()).isEqualTo("Cooperation plan 2014-2015");
        assertThat(view.parties()).containsExactly("VN-47", "KH-7");
        assertThat(view.status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(view.signedOn()).isEqualTo(LocalDate.of(2014, 5, 26));
        assertThat(view.place()).isEqualTo("Rạch Giá");
        assertThat(view.documentRef()).isEqualTo("KH-HT/2014/05");
        assertThat(view.signatories()).containsExactly(new Signatory("Nguyễn Văn A", "Vice-chairman", "VN-47"));
        assertThat(view.domains()).containsExactly(CooperationDomain.BORDER_SECURITY, CooperationDomain.TRADE);
        assertThat(view.validFrom()).isEqualTo(LocalDate.of(2014, 5, 26));
        assertThat(view.validTo()).isEqualTo(LocalDate.of(2015, 12, 31));
        assertThat(view.reviews()).isEmpty();
    }

    @Test
    void anAgreementPastItsValidToIsShownExpiredButStaysInForceInTheData() {
        feed.publish("AGR-2014-001", signed("AGR-2014-001", LocalDate.of(2015, 12, 31)));

        assertThat(views.find("AGR-2014-001", TODAY).orElseThrow().status()).isEqualTo(AgreementStatus.EXPIRED);
        assertThat(views.list(AgreementStatus.EXPIRED, TODAY, 50, 0)).hasSize(1);
        assertThat(views.list(AgreementStatus.IN_FORCE, TODAY, 50, 0)).isEmpty();
        assertThat(views.count(AgreementStatus.IN_FORCE, LocalDate.of(2015, 12, 31)))
                .isEqualTo(1);
    }

    @Test
    void reviewsAmendmentsAndTerminationAreApplied() {
        feed.publish("AGR-2014-001", signed("AGR-2014-001", LocalDate.of(2015, 12, 31)));
        feed.publish(
                "AGR-2014-001",
                new AgreementReviewed(
                        "AGR-2014-001",
                        LocalDate.of(2024, 3, 25),
                        LocalDate.of(2022, 1, 1),
                        LocalDate.of(2023, 12, 31),
                        "trade 256 million USD"));
        feed.publish(
                "AGR-2014-001",
                new AgreementAmended(
                        "AGR-2014-001",
                        LocalDate.of(2024, 3, 25),
                        "extended to 2026, tourism added",
                        Set.of(CooperationDomain.TOURISM, CooperationDomain.BORDER_SECURITY),
                        LocalDate.of(2026, 12, 31),
                        "KH-HT/2024/03"));
        feed.publish(
                "AGR-2014-001",
                new AgreementAmended("AGR-2014-001", LocalDate.of(2024, 4, 1), "wording only", null, null, null));

        AgreementView amended = views.find("AGR-2014-001", TODAY).orElseThrow();
        assertThat(amended.status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(amended.validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(amended.domains()).containsExactly(CooperationDomain.BORDER_SECURITY, CooperationDomain.TOURISM);
        assertThat(amended.reviews())
                .containsExactly(new AgreementView.Review(
                        LocalDate.of(2024, 3, 25),
                        LocalDate.of(2022, 1, 1),
                        LocalDate.of(2023, 12, 31),
                        "trade 256 million USD"));
        assertThat(amended.amendments()).hasSize(2);
        assertThat(amended.amendments().get(1).domains()).isNull();

        feed.publish("AGR-2014-001", new AgreementTerminated("AGR-2014-001", LocalDate.of(2025, 1, 1), "superseded"));

        AgreementView terminated = views.find("AGR-2014-001", TODAY).orElseThrow();
        assertThat(terminated.status()).isEqualTo(AgreementStatus.TERMINATED);
        assertThat(terminated.terminatedOn()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(terminated.terminationReason()).isEqualTo("superseded");
        assertThat(terminated.validTo()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void redeliveredEventsChangeNothing() {
        var signed = feed.publish("AGR-2014-001", signed("AGR-2014-001", LocalDate.of(2015, 12, 31)));
        var reviewed = feed.publish(
                "AGR-2014-001",
                new AgreementReviewed(
                        "AGR-2014-001",
                        LocalDate.of(2015, 1, 10),
                        LocalDate.of(2014, 1, 1),
                        LocalDate.of(2014, 12, 31),
                        "ok"));
        var amended = feed.publish(
                "AGR-2014-001",
                new AgreementAmended(
                        "AGR-2014-001", LocalDate.of(2015, 2, 1), "extended", null, LocalDate.of(2016, 12, 31), null));
        AgreementView before = views.find("AGR-2014-001", TODAY).orElseThrow();

        feed.deliver(signed);
        feed.deliver(reviewed);
        feed.deliver(amended);
        feed.deliver(reviewed);

        assertThat(views.find("AGR-2014-001", TODAY).orElseThrow()).isEqualTo(before);
        assertThat(before.reviews()).hasSize(1);
        assertThat(before.amendments()).hasSize(1);
    }

    @Test
    void aResetEmptiesTheAgreementsAndTheirLinesSoThatAReplayRebuildsTheSameAgreement() {
        feed.publish("AGR-2014-001", signed("AGR-2014-001", LocalDate.of(2015, 12, 31)));
        feed.publish(
                "AGR-2014-001",
                new AgreementReviewed(
                        "AGR-2014-001",
                        LocalDate.of(2015, 1, 10),
                        LocalDate.of(2014, 1, 1),
                        LocalDate.of(2014, 12, 31),
                        "ok"));
        feed.publish(
                "AGR-2014-001",
                new AgreementAmended(
                        "AGR-2014-001", LocalDate.of(2015, 2, 1), "extended", null, LocalDate.of(2016, 12, 31), null));
        AgreementView built = views.find("AGR-2014-001", TODAY).orElseThrow();

        feed.reset();

        assertThat(views.count(null, TODAY)).isZero();
        assertThat(rows("agreement_review_line") + rows("agreement_amendment_line"))
                .isZero();

        feed.redeliverAll();

        assertThat(views.find("AGR-2014-001", TODAY)).contains(built);
    }

    @Test
    void listsAreOrderedByIdAndPaged() {
        for (String id : List.of("AGR-2016-002", "AGR-2014-001", "AGR-2015-001")) {
            feed.publish(id, signed(id, LocalDate.of(2030, 12, 31)));
        }

        assertThat(views.list(null, TODAY, 2, 0))
                .extracting(AgreementView::id)
                .containsExactly("AGR-2014-001", "AGR-2015-001");
        assertThat(views.list(null, TODAY, 2, 2)).extracting(AgreementView::id).containsExactly("AGR-2016-002");
        assertThat(views.count(null, TODAY)).isEqualTo(3);
    }

    private long rows(String table) {
        return database.jdbc()
                .sql("SELECT COUNT(*) FROM " + table)
                .query(Long.class)
                .single();
    }

    static AgreementSigned signed(String id, LocalDate validTo) {
        return new AgreementSigned(
                id,
                "Cooperation plan 2014-2015",
                List.of("VN-47", "KH-7"),
                LocalDate.of(2014, 5, 26),
                "Rạch Giá",
                List.of(new Signatory("Nguyễn Văn A", "Vice-chairman", "VN-47")),
                Set.of(CooperationDomain.TRADE, CooperationDomain.BORDER_SECURITY),
                LocalDate.of(2014, 5, 26),
                validTo,
                "KH-HT/2014/05");
    }
}
