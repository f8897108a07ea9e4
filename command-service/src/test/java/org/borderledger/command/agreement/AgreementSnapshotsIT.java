package org.borderledger.command.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.agreement.Signatory;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An agreement reviewed more times than the snapshot threshold is snapshotted; rebuilt from the snapshot it still knows
 * its parties, its signature date and whether it is terminated.
 */
@CommandServiceIT
class AgreementSnapshotsIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("agreementCache")
    Cache agreementCache;

    @Value("${ledger.snapshots.threshold}")
    int threshold;

    @Test
    void anAgreementWithManyReviewsLoadsFromItsSnapshotAndKeepsItsRules() {
        String id = "AGR-SNAP-" + UUID.randomUUID().toString().substring(0, 8);
        int reviews = threshold + 50;
        storeSignedAndReviewed(id, reviews);
        LedgerHttp http = new LedgerHttp("http://localhost:" + port);

        LedgerHttp.Response review =
                http.post("/api/agreements/" + id + "/reviews", Tokens.kampot(), review("2024-01-15"));
        assertThat(review.status()).as(review.body()).isEqualTo(201);

        assertThat(jdbc.queryForObject(
                        "select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?",
                        Long.class,
                        id))
                .as("a snapshot was taken")
                .isNotNull();
        List<DomainEventMessage<?>> read = new ArrayList<>();
        eventStore.readEvents(id).forEachRemaining(read::add);
        assertThat(read.get(0).getPayload()).isInstanceOf(CooperationAgreement.class);
        assertThat(read.size()).isLessThanOrEqualTo(threshold + 1);

        agreementCache.removeAll();
        LedgerHttp.Response beforeSignature = http.post(
                "/api/agreements/" + id + "/termination",
                Tokens.kienGiang(),
                "{\"terminatedOn\":\"2010-01-01\",\"reason\":\"Dated before the signature\"}");
        assertThat(beforeSignature.status())
                .as("the snapshot kept the signature date: " + beforeSignature.body())
                .isIn(409, 422);
        agreementCache.removeAll();
        LedgerHttp.Response termination = http.post(
                "/api/agreements/" + id + "/termination",
                Tokens.kienGiang(),
                "{\"terminatedOn\":\"2024-02-01\",\"reason\":\"Superseded\"}");
        assertThat(termination.status()).as(termination.body()).isEqualTo(201);
        agreementCache.removeAll();
        LedgerHttp.Response afterTermination =
                http.post("/api/agreements/" + id + "/reviews", Tokens.kampot(), review("2024-02-15"));
        assertThat(afterTermination.status()).as(afterTermination.body()).isIn(409, 422);
        assertThat(afterTermination.json().get("type").asText()).endsWith("/agreement-already-terminated");
    }

    private static String review(String reviewedOn) {
        return "{\"reviewedOn\":\"" + reviewedOn + "\",\"periodFrom\":\"2023-01-01\",\"periodTo\":\"2023-12-31\","
                + "\"summary\":\"Joint patrols held\"}";
    }

    private void storeSignedAndReviewed(String id, int reviews) {
        MetaData kienGiang = MetaData.with(EventMetadata.PROVINCE, "VN-47")
                .and(EventMetadata.SIDE, "VN")
                .and(EventMetadata.UNIT, "KG-FOREIGN-AFFAIRS");
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>(
                "CooperationAgreement",
                id,
                0,
                new AgreementSigned(
                        id,
                        "Cooperation on border security",
                        List.of("VN-47", "KH-7"),
                        LocalDate.of(2014, 3, 12),
                        "Hà Tiên",
                        List.of(new Signatory("A", "Chairman", "VN-47"), new Signatory("B", "Governor", "KH-7")),
                        Set.of(CooperationDomain.BORDER_SECURITY),
                        LocalDate.of(2014, 4, 1),
                        null,
                        "MOU-1"),
                kienGiang));
        for (int sequence = 1; sequence <= reviews; sequence++) {
            events.add(new GenericDomainEventMessage<>(
                    "CooperationAgreement",
                    id,
                    sequence,
                    new AgreementReviewed(
                            id, LocalDate.of(2015, 1, 1), LocalDate.of(2014, 4, 1), LocalDate.of(2014, 12, 31), "R"),
                    kienGiang));
        }
        eventStore.publish(events);
    }
}
