package org.borderledger.query.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.borderledger.codec.LedgerSerializer;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.agreement.Signatory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code agreement_view} with its review and amendment lines ({@link AgreementProjection} writes them). */
@Repository
class AgreementViewRepository {

    private static final ObjectMapper JSON = LedgerSerializer.objectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Signatory>> SIGNATORIES = new TypeReference<>() {};
    private static final TypeReference<List<CooperationDomain>> DOMAINS = new TypeReference<>() {};
    private static final String COLUMNS = "agreement_id, title, parties, status, signed_on, place, document_ref,"
            + " signatories, domains, valid_from, valid_to, terminated_on, termination_reason";

    private final JdbcClient jdbc;

    AgreementViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AgreementView> find(String id, LocalDate today) {
        return withLines(jdbc.sql("SELECT " + COLUMNS + " FROM agreement_view WHERE agreement_id = :id")
                        .param("id", id)
                        .query((rs, row) -> read(rs, today))
                        .list())
                .stream()
                .findFirst();
    }

    List<AgreementView> list(AgreementStatus status, LocalDate today, int limit, long offset) {
        return withLines(jdbc.sql("SELECT " + COLUMNS + " FROM agreement_view" + where(status)
                        + " ORDER BY agreement_id LIMIT :limit OFFSET :offset")
                .params(filter(status, today))
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> read(rs, today))
                .list());
    }

    long count(AgreementStatus status, LocalDate today) {
        return jdbc.sql("SELECT COUNT(*) FROM agreement_view" + where(status))
                .params(filter(status, today))
                .query(Long.class)
                .single();
    }

    /** The same rule as {@link AgreementStatus#of}, in SQL, so that filtering and paging agree with what is shown. */
    private static String where(AgreementStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case TERMINATED -> " WHERE status = 'TERMINATED'";
            case EXPIRED -> " WHERE status <> 'TERMINATED' AND valid_to < :today";
            case IN_FORCE -> " WHERE status <> 'TERMINATED' AND (valid_to IS NULL OR valid_to >= :today)";
        };
    }

    private static Map<String, Object> filter(AgreementStatus status, LocalDate today) {
        return status == AgreementStatus.EXPIRED || status == AgreementStatus.IN_FORCE
                ? Map.of("today", today)
                : Map.of();
    }

    private List<AgreementView> withLines(List<AgreementView> agreements) {
        if (agreements.isEmpty()) {
            return agreements;
        }
        List<String> ids = agreements.stream().map(AgreementView::id).toList();
        Map<String, List<AgreementView.Review>> reviews = jdbc
                .sql("SELECT agreement_id, reviewed_on, period_from, period_to, summary FROM agreement_review_line"
                        + " WHERE agreement_id IN (:ids) ORDER BY agreement_id, sequence_number")
                .param("ids", ids)
                .query((rs, row) -> Map.entry(
                        rs.getString("agreement_id"),
                        new AgreementView.Review(
                                date(rs, "reviewed_on"),
                                date(rs, "period_from"),
                                date(rs, "period_to"),
                                rs.getString("summary"))))
                .list()
                .stream()
                .collect(grouped());
        Map<String, List<AgreementView.Amendment>> amendments = jdbc
                .sql("SELECT agreement_id, amended_on, summary, domains, valid_to, document_ref"
                        + " FROM agreement_amendment_line WHERE agreement_id IN (:ids)"
                        + " ORDER BY agreement_id, sequence_number")
                .param("ids", ids)
                .query((rs, row) -> Map.entry(
                        rs.getString("agreement_id"),
                        new AgreementView.Amendment(
                                date(rs, "amended_on"),
                                rs.getString("summary"),
                                fromJson(rs.getString("domains"), DOMAINS),
                                date(rs, "valid_to"),
                                rs.getString("document_ref"))))
                .list()
                .stream()
                .collect(grouped());
        List<AgreementView> complete = new ArrayList<>(agreements.size());
        for (AgreementView agreement : agreements) {
            complete.add(new AgreementView(
                    agreement.id(),
                    agreement.title(),
                    agreement.parties(),
                    agreement.status(),
                    agreement.signedOn(),
                    agreement.place(),
                    agreement.documentRef(),
                    agreement.signatories(),
                    agreement.domains(),
                    agreement.validFrom(),
                    agreement.validTo(),
                    agreement.terminatedOn(),
                    agreement.terminationReason(),
                    reviews.getOrDefault(agreement.id(), List.of()),
                    amendments.getOrDefault(agreement.id(), List.of())));
        }
        return complete;
    }

    private static AgreementView read(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate validTo = date(rs, "valid_to");
        return new AgreementView(
                rs.getString("agreement_id"),
                rs.getString("title"),
                fromJson(rs.getString("parties"), STRINGS),
                AgreementStatus.of("TERMINATED".equals(rs.getString("status")), validTo, today),
                date(rs, "signed_on"),
                rs.getString("place"),
                rs.getString("document_ref"),
                fromJson(rs.getString("signatories"), SIGNATORIES),
                fromJson(rs.getString("domains"), DOMAINS),
                date(rs, "valid_from"),
                validTo,
                date(rs, "terminated_on"),
                rs.getString("termination_reason"),
                List.of(),
                List.of());
    }

    private static <T> Collector<Map.Entry<String, T>, ?, Map<String, List<T>>> grouped() {
        return Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList()));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static <T> T fromJson(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agreement_view holds JSON that does not read back: " + text, e);
        }
    }
}
