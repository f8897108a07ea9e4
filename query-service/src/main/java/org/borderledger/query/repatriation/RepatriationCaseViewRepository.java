package org.borderledger.query.repatriation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.repatriation.RecoverySite;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes and reads {@code repatriation_case_view} and {@code repatriation_case_line}. The totals move only when the
 * case's {@code last_sequence} advances, so a redelivered recovery is neither counted twice nor listed twice.
 */
@Repository
class RepatriationCaseViewRepository {

    private static final String CASE_COLUMNS = "case_id, season, search_province, searching_unit, opened_by_province,"
            + " recovered_total, repatriated_total, first_recovered_on";

    private final JdbcClient jdbc;

    RepatriationCaseViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insertOpened(RepatriationCaseOpened event, long sequence) {
        return jdbc.sql("INSERT INTO repatriation_case_view (" + CASE_COLUMNS + ", last_sequence)"
                                + " VALUES (:id, :season, :searchProvince, :searchingUnit, :openedByProvince, 0, 0,"
                                + " NULL, :sequence) ON CONFLICT DO NOTHING")
                        .param("id", event.caseId())
                        .param("season", event.season())
                        .param("searchProvince", event.searchProvince())
                        .param("searchingUnit", event.searchingUnit())
                        .param("openedByProvince", event.openedByProvince())
                        .param("sequence", sequence)
                        .update()
                == 1;
    }

    boolean addRecovery(RemainsRecovered event, long sequence) {
        boolean applied = jdbc.sql("UPDATE repatriation_case_view SET recovered_total = recovered_total + :count,"
                                + " first_recovered_on = CASE WHEN first_recovered_on IS NULL"
                                + " OR first_recovered_on > :recoveredOn THEN :recoveredOn ELSE first_recovered_on END,"
                                + " last_sequence = :sequence WHERE case_id = :id AND last_sequence < :sequence")
                        .param("count", event.count())
                        .param("recoveredOn", event.recoveredOn())
                        .param("id", event.caseId())
                        .param("sequence", sequence)
                        .update()
                == 1;
        if (applied) {
            RecoverySite site = event.site();
            GeoPoint point = site == null ? null : site.point();
            Map<String, Object> values = new HashMap<>();
            values.put("province", site == null ? null : site.province());
            values.put("district", site == null ? null : site.district());
            values.put("commune", site == null ? null : site.commune());
            values.put("lat", point == null ? null : point.lat());
            values.put("lon", point == null ? null : point.lon());
            jdbc.sql("INSERT INTO repatriation_case_line (case_id, sequence_number, kind, occurred_on, remains_count,"
                            + " site_province, site_district, site_commune, site_lat, site_lon) VALUES (:id, :sequence,"
                            + " 'RECOVERY', :recoveredOn, :count, :province, :district, :commune, :lat, :lon)"
                            + " ON CONFLICT DO NOTHING")
                    .params(values)
                    .param("id", event.caseId())
                    .param("sequence", sequence)
                    .param("recoveredOn", event.recoveredOn())
                    .param("count", event.count())
                    .update();
        }
        return applied;
    }

    boolean addRepatriation(RemainsRepatriated event, long sequence) {
        boolean applied = jdbc.sql("UPDATE repatriation_case_view SET repatriated_total = repatriated_total + :count,"
                                + " last_sequence = :sequence WHERE case_id = :id AND last_sequence < :sequence")
                        .param("count", event.count())
                        .param("id", event.caseId())
                        .param("sequence", sequence)
                        .update()
                == 1;
        if (applied) {
            jdbc.sql("INSERT INTO repatriation_case_line (case_id, sequence_number, kind, occurred_on, remains_count,"
                            + " border_gate, receiving_unit) VALUES (:id, :sequence, 'REPATRIATION', :repatriatedOn,"
                            + " :count, :borderGate, :receivingUnit) ON CONFLICT DO NOTHING")
                    .param("id", event.caseId())
                    .param("sequence", sequence)
                    .param("repatriatedOn", event.repatriatedOn())
                    .param("count", event.count())
                    .param("borderGate", event.borderGate())
                    .param("receivingUnit", event.receivingUnit())
                    .update();
        }
        return applied;
    }

    /** Deletes every case and its lines (a replay rebuilds them). */
    void clear() {
        jdbc.sql("DELETE FROM repatriation_case_line").update();
        jdbc.sql("DELETE FROM repatriation_case_view").update();
    }

    Optional<RepatriationCaseView> find(String id) {
        return withLines(jdbc.sql("SELECT " + CASE_COLUMNS + " FROM repatriation_case_view WHERE case_id = :id")
                        .param("id", id)
                        .query((rs, row) -> read(rs, List.of()))
                        .list())
                .stream()
                .findFirst();
    }

    List<RepatriationCaseView> list(String season, int limit, long offset) {
        return withLines(jdbc.sql("SELECT " + CASE_COLUMNS + " FROM repatriation_case_view" + where(season)
                        + " ORDER BY case_id LIMIT :limit OFFSET :offset")
                .params(filter(season))
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> read(rs, List.of()))
                .list());
    }

    long count(String season) {
        return jdbc.sql("SELECT COUNT(*) FROM repatriation_case_view" + where(season))
                .params(filter(season))
                .query(Long.class)
                .single();
    }

    private static String where(String season) {
        return season == null ? "" : " WHERE season = :season";
    }

    private static Map<String, Object> filter(String season) {
        return season == null ? Map.of() : Map.of("season", season);
    }

    private List<RepatriationCaseView> withLines(List<RepatriationCaseView> cases) {
        if (cases.isEmpty()) {
            return cases;
        }
        Map<String, List<RepatriationCaseView.Line>> lines = jdbc
                .sql("SELECT case_id, kind, occurred_on, remains_count, site_province, site_district,"
                        + " site_commune, site_lat, site_lon, border_gate, receiving_unit"
                        + " FROM repatriation_case_line WHERE case_id IN (:ids)"
                        + " ORDER BY case_id, sequence_number")
                .param("ids", cases.stream().map(RepatriationCaseView::id).toList())
                .query((rs, row) -> Map.entry(rs.getString("case_id"), line(rs)))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return cases.stream()
                .map(view -> new RepatriationCaseView(
                        view.id(),
                        view.season(),
                        view.searchProvince(),
                        view.searchingUnit(),
                        view.openedByProvince(),
                        view.recoveredTotal(),
                        view.repatriatedTotal(),
                        view.remaining(),
                        view.firstRecoveredOn(),
                        lines.getOrDefault(view.id(), List.of())))
                .toList();
    }

    private static RepatriationCaseView read(ResultSet rs, List<RepatriationCaseView.Line> lines) throws SQLException {
        long recovered = rs.getLong("recovered_total");
        long repatriated = rs.getLong("repatriated_total");
        return new RepatriationCaseView(
                rs.getString("case_id"),
                rs.getString("season"),
                rs.getString("search_province"),
                rs.getString("searching_unit"),
                rs.getString("opened_by_province"),
                recovered,
                repatriated,
                recovered - repatriated,
                rs.getObject("first_recovered_on", LocalDate.class),
                lines);
    }

    private static RepatriationCaseView.Line line(ResultSet rs) throws SQLException {
        var kind = RepatriationCaseView.Kind.valueOf(rs.getString("kind"));
        RepatriationCaseView.Site site = kind == RepatriationCaseView.Kind.RECOVERY
                ? new RepatriationCaseView.Site(
                        rs.getString("site_province"),
                        rs.getString("site_district"),
                        rs.getString("site_commune"),
                        rs.getObject("site_lat", Double.class),
                        rs.getObject("site_lon", Double.class))
                : null;
        return new RepatriationCaseView.Line(
                kind,
                rs.getObject("occurred_on", LocalDate.class),
                rs.getInt("remains_count"),
                site,
                rs.getString("border_gate"),
                rs.getString("receiving_unit"));
    }
}
