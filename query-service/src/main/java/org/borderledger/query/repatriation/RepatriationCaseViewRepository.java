package org.borderledger.query.repatriation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.borderledger.query.web.DetailLines;
import org.borderledger.query.web.ListFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code repatriation_case_view} and its lines ({@link RepatriationCaseProjection} writes them). */
@Repository
class RepatriationCaseViewRepository {

    private static final String CASE_COLUMNS = "case_id, season, search_province, searching_unit, opened_by_province,"
            + " recovered_total, repatriated_total, first_recovered_on";

    private final JdbcClient jdbc;

    RepatriationCaseViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return withLines(jdbc.sql("SELECT " + CASE_COLUMNS + " FROM repatriation_case_view"
                        + filter(season).where() + " ORDER BY case_id LIMIT :limit OFFSET :offset")
                .params(filter(season).values())
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> read(rs, List.of()))
                .list());
    }

    long count(String season) {
        return jdbc.sql("SELECT COUNT(*) FROM repatriation_case_view"
                        + filter(season).where())
                .params(filter(season).values())
                .query(Long.class)
                .single();
    }

    private static ListFilter filter(String season) {
        return new ListFilter().with("season = :season", "season", season);
    }

    private List<RepatriationCaseView> withLines(List<RepatriationCaseView> cases) {
        return DetailLines.attach(
                cases,
                RepatriationCaseView::id,
                ids -> jdbc.sql("SELECT case_id, kind, occurred_on, remains_count, site_province, site_district,"
                                + " site_commune, site_lat, site_lon, border_gate, receiving_unit"
                                + " FROM repatriation_case_line WHERE case_id IN (:ids)"
                                + " ORDER BY case_id, sequence_number")
                        .param("ids", ids)
                        .query((rs, row) -> Map.entry(rs.getString("case_id"), line(rs)))
                        .list(),
                RepatriationCaseView::withLines);
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
