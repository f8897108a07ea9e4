package org.borderledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.borderledger.command.CommandServiceIT;
import org.borderledger.testsupport.LedgerHttp;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ids are one namespace: every write aimed at the id of an aggregate of another type is refused (404 for a write to an
 * existing aggregate, 409 for a creating one), alone and as a batch item, and records nothing. The aggregates of every
 * type were just written, so each one is in the aggregate cache when the wrongly typed write arrives.
 */
@CommandServiceIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregateTypesIT {

    enum Type {
        AGREEMENT("/api/agreements", "CooperationAgreement"),
        CASE("/api/repatriation-cases", "RepatriationCase"),
        MARKER("/api/markers", "BorderMarker"),
        INDICATOR("/api/indicators", "CooperationIndicator");

        final String collection;
        final String aggregateType;

        Type(String collection, String aggregateType) {
            this.collection = collection;
            this.aggregateType = aggregateType;
        }
    }

    /** A write to an existing aggregate: its type, the path after the id, the batch type and a body it accepts. */
    record Targeted(Type type, String suffix, String command, String body) {}

    static final List<Targeted> TARGETED = List.of(
            new Targeted(
                    Type.AGREEMENT,
                    "/reviews",
                    "RecordAgreementReview",
                    "{\"reviewedOn\":\"2024-03-25\",\"periodFrom\":\"2022-01-01\",\"periodTo\":\"2023-12-31\","
                            + "\"summary\":\"s\"}"),
            new Targeted(
                    Type.AGREEMENT,
                    "/amendments",
                    "AmendAgreement",
                    "{\"amendedOn\":\"2015-01-01\",\"summary\":\"s\"}"),
            new Targeted(
                    Type.AGREEMENT,
                    "/termination",
                    "TerminateAgreement",
                    "{\"terminatedOn\":\"2015-01-01\",\"reason\":\"r\"}"),
            new Targeted(
                    Type.CASE,
                    "/recoveries",
                    "RecordRemainsRecovery",
                    "{\"recoveredOn\":\"2014-03-02\",\"count\":1,\"site\":{\"province\":\"KH-7\"}}"),
            new Targeted(
                    Type.CASE,
                    "/repatriations",
                    "RecordRepatriation",
                    "{\"repatriatedOn\":\"2014-04-20\",\"count\":1}"),
            new Targeted(
                    Type.MARKER,
                    "/completion-reports",
                    "ReportMarkerCompletion",
                    "{\"completedOn\":\"2014-08-10\",\"lat\":10.42,\"lon\":104.49}"),
            new Targeted(Type.MARKER, "/confirmations", "ConfirmMarkerCompletion", "{\"confirmedOn\":\"2014-08-15\"}"),
            new Targeted(
                    Type.MARKER,
                    "/damage-reports",
                    "ReportMarkerDamage",
                    "{\"damagedOn\":\"2014-10-03\",\"description\":\"d\"}"),
            new Targeted(
                    Type.MARKER,
                    "/repairs",
                    "RecordMarkerRepair",
                    "{\"repairedOn\":\"2014-11-20\",\"description\":\"d\"}"),
            new Targeted(Type.INDICATOR, "/corrections", "CorrectIndicator", "{\"value\":5,\"reason\":\"r\"}"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    LedgerHttp http;

    final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @BeforeAll
    void oneAggregateOfEachType() {
        http = new LedgerHttp("http://localhost:" + port);
        for (Type type : Type.values()) {
            LedgerHttp.Response created = http.post(type.collection, Tokens.kienGiang(), creating(type, idOf(type)));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
    }

    static Stream<Arguments> targetedWritesAndOtherTypes() {
        return TARGETED.stream().flatMap(write -> Stream.of(Type.values())
                .filter(other -> other != write.type())
                .map(other -> Arguments.of(write.command(), other, write)));
    }

    static Stream<Arguments> creatingWritesAndOtherTypes() {
        return Stream.of(Type.values()).flatMap(type -> Stream.of(Type.values())
                .filter(other -> other != type)
                .map(other -> Arguments.of(type, other)));
    }

    @ParameterizedTest(name = "{0} aimed at a {1}")
    @MethodSource("targetedWritesAndOtherTypes")
    void refusesAWriteAimedAtAnAggregateOfAnotherType(String command, Type other, Targeted write) {
        String id = idOf(other);
        long before = events();

        LedgerHttp.Response alone = http.post(
                write.type().collection + "/" + encoded(id) + write.suffix(), Tokens.kienGiang(), write.body());
        LedgerHttp.Response inBatch = http.post(
                "/api/batches",
                Tokens.kienGiang(),
                "{\"commands\":[{\"type\":\"" + command + "\",\"target\":\"" + id + "\",\"body\":" + write.body()
                        + "}]}");

        assertThat(alone.status()).as(alone.body()).isEqualTo(404);
        assertThat(alone.contentType()).startsWith("application/problem+json");
        assertThat(alone.json().get("type").asText()).endsWith("/unknown-aggregate");
        assertThat(inBatch.json().at("/results/0/status").asInt())
                .as(inBatch.body())
                .isEqualTo(404);
        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest(name = "a new {0} with the id of a {1}")
    @MethodSource("creatingWritesAndOtherTypes")
    void refusesToCreateAnAggregateWithTheIdOfAnotherType(Type type, Type other) {
        String id = idOf(other);
        long before = events();

        LedgerHttp.Response alone = http.post(type.collection, Tokens.kienGiang(), creating(type, id));
        LedgerHttp.Response inBatch = http.post(
                "/api/batches",
                Tokens.kienGiang(),
                "{\"commands\":[{\"type\":\"" + creatingCommand(type) + "\",\"body\":" + creating(type, id) + "}]}");

        assertThat(alone.status()).as(alone.body()).isEqualTo(409);
        assertThat(alone.contentType()).startsWith("application/problem+json");
        assertThat(alone.json().get("type").asText()).endsWith("/already-exists");
        assertThat(alone.json().get("detail").asText()).contains(other.aggregateType);
        List<String> fields = new ArrayList<>();
        alone.json().get("fields").forEach(field -> fields.add(field.asText()));
        assertThat(fields).containsExactly("id");
        assertThat(inBatch.json().at("/results/0/status").asInt())
                .as(inBatch.body())
                .isEqualTo(409);
        assertThat(events()).isEqualTo(before);
    }

    private String idOf(Type type) {
        return Map.of(
                                Type.AGREEMENT, "AGR-T-",
                                Type.CASE, "REP-T-",
                                Type.MARKER, "300/T",
                                Type.INDICATOR, "IND-T-")
                        .get(type)
                + run;
    }

    private static String creatingCommand(Type type) {
        return switch (type) {
            case AGREEMENT -> "SignAgreement";
            case CASE -> "OpenRepatriationCase";
            case MARKER -> "PlanMarker";
            case INDICATOR -> "ReportIndicator";
        };
    }

    private static String creating(Type type, String id) {
        return switch (type) {
            case AGREEMENT -> "{\"id\":\"" + id + "\",\"title\":\"Plan\",\"parties\":[\"VN-47\",\"KH-7\"],"
                    + "\"signedOn\":\"2014-05-26\",\"signatories\":[],\"domains\":[\"TRADE\"],"
                    + "\"validFrom\":\"2014-05-26\",\"validTo\":\"2015-12-31\"}";
            case CASE -> "{\"id\":\"" + id + "\",\"season\":\"2013-2014\",\"searchProvince\":\"KH-7\"}";
            case MARKER -> "{\"id\":\"" + id + "\",\"type\":\"SUB\",\"plannedLat\":10.42,\"plannedLon\":104.49,"
                    + "\"responsibleSide\":\"VN\"}";
            case INDICATOR -> "{\"id\":\"" + id + "\",\"indicator\":\"TRADE_TURNOVER_USD\","
                    + "\"periodFrom\":\"2014-01-01\",\"periodTo\":\"2014-12-31\",\"value\":1}";
        };
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static String encoded(String id) {
        return id.replace("/", "%2F");
    }
}
