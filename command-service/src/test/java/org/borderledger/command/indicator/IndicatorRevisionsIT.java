package org.borderledger.command.indicator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.command.evidence.Seals;
import org.borderledger.events.EventMetadata;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A store that holds an indicator report of revision 1 (stored without a revision and without a unit, byte for byte as
 * the ledger wrote it then) beside events of the current revision: the aggregate takes a correction, the audit API
 * shows the event as stored and the state with the unit the upcaster derives, and the store still verifies, because
 * the hash covers the stored bytes.
 */
@CommandServiceIT
class IndicatorRevisionsIT {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    JdbcTemplate jdbc;

    LedgerHttp http;

    @BeforeEach
    void client() {
        http = new LedgerHttp("http://localhost:" + port);
    }

    @Test
    void anIndicatorReportedInRevision1IsCorrectedAuditedAndVerified() {
        String id = "IND-REV1-" + UUID.randomUUID().toString().substring(0, 8);
        String revision1 = "{\"indicatorId\":\"" + id + "\",\"indicator\":\"VISITORS_KH_TO_VN\","
                + "\"periodFrom\":\"2014-01-01\",\"periodTo\":\"2014-12-31\",\"value\":12000,\"borderGate\":null,"
                + "\"source\":\"Ha Tien border gate\",\"reportingProvince\":\"VN-47\"}";
        storeAsRevision1(id, revision1);
        Map<String, Object> row = jdbc.queryForMap(
                "select global_index, payload_revision, payload from domain_event_entry where aggregate_identifier = ?",
                id);
        assertThat(row.get("payload_revision")).isNull();
        assertThat(new String((byte[]) row.get("payload"), UTF_8)).isEqualTo(revision1);

        LedgerHttp.Response correction = http.post(
                "/api/indicators/" + id + "/corrections",
                Tokens.kienGiang(),
                "{\"value\":12500,\"reason\":\"Count of the second gate added\"}");
        assertThat(correction.status()).as(correction.body()).isEqualTo(201);
        LedgerHttp.Response fromTheOtherProvince =
                http.post("/api/indicators/" + id + "/corrections", Tokens.kampot(), "{\"value\":1,\"reason\":\"x\"}");
        assertThat(fromTheOtherProvince.status())
                .as("the aggregate read the reporting province from the revision-1 event")
                .isIn(403, 422);

        JsonNode state = audit("/api/audit/aggregates/" + id + "/state").get("state");
        assertThat(state.get("unit").asText()).isEqualTo("PERSONS");
        assertThat(state.get("value").asLong()).isEqualTo(12_500);
        assertThat(state.get("supersededValues").get(0).asLong()).isEqualTo(12_000);

        JsonNode history = audit("/api/audit/aggregates/" + id + "/history").get("events");
        assertThat(history.get(0).get("payloadRevision").isNull()).isTrue();
        assertThat(history.get(0).get("payload").has("unit"))
                .as("the audit API shows the event as stored")
                .isFalse();
        assertThat(history.get(1).get("eventType").asText()).isEqualTo("IndicatorCorrected");

        Seals.awaitSealed(jdbc, eventStore, correction.json().get("position").asLong());
        JsonNode verification = audit("/api/audit/verify");
        assertThat(verification.get("valid").asBoolean())
                .as(verification.toString())
                .isTrue();
    }

    @Test
    void anIndicatorReportedNowIsStoredInTheCurrentRevisionWithItsUnitAndPair() {
        String id = "IND-REV2-" + UUID.randomUUID().toString().substring(0, 8);
        LedgerHttp.Response report = http.post(
                "/api/indicators",
                Tokens.kienGiang(),
                "{\"id\":\"" + id + "\",\"indicator\":\"EXPORTS_USD\",\"periodFrom\":\"2015-01-01\","
                        + "\"periodTo\":\"2015-12-31\",\"value\":1000,\"source\":\"DOIT\","
                        + "\"partnerProvince\":\"KH-7\",\"estimate\":true}");
        assertThat(report.status()).as(report.body()).isEqualTo(201);

        Map<String, Object> row = jdbc.queryForMap(
                "select payload_revision, payload from domain_event_entry where aggregate_identifier = ?", id);
        assertThat(row.get("payload_revision")).isEqualTo("3");
        assertThat(new String((byte[]) row.get("payload"), UTF_8))
                .contains("\"unit\":\"USD\"")
                .contains("\"partnerProvince\":\"KH-7\"")
                .contains("\"estimate\":true");
    }

    /** Appends the JSON exactly as given, typed IndicatorReported without revision, through the hash-chaining store. */
    private void storeAsRevision1(String id, String json) {
        SimpleSerializedObject<byte[]> payload =
                new SimpleSerializedObject<>(json.getBytes(UTF_8), byte[].class, "IndicatorReported", null);
        MetaData submitted = MetaData.with(EventMetadata.SUBMITTER, "kg-statistics-officer")
                .and(EventMetadata.UNIT, "KG-STATISTICS")
                .and(EventMetadata.SIDE, "VN")
                .and(EventMetadata.PROVINCE, "VN-47");
        eventStore.publish(new GenericDomainEventMessage<>(
                "CooperationIndicator",
                id,
                0,
                new SerializedMessage<>(
                        UUID.randomUUID().toString(),
                        new LazyDeserializingObject<>(payload, eventSerializer),
                        new LazyDeserializingObject<>(submitted)),
                java.time.Instant.now()));
    }

    private JsonNode audit(String path) {
        LedgerHttp.Response response = http.get(path, Tokens.auditor());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Waits until a seal covers {@code position}, appending a harmless event now and then so the seal moves on. */
}
