package org.borderledger.query.marker;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.query.web.ListFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@code marker_view} ({@link MarkerProjection} writes it). */
@Repository
class MarkerViewRepository {

    private static final String COLUMNS = "marker_id, marker_type, responsible_side, planned_lat, planned_lon, status,"
            + " completed_on, reporting_side, surveyed_lat, surveyed_lon, confirmed_on, confirming_side, damaged_on,"
            + " damage_description, repaired_on, repair_description";

    private final JdbcClient jdbc;

    MarkerViewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which markers a list or map shows; {@code null} fields do not filter. */
    record Filter(MarkerStatus status, MarkerType type, Side side) {}

    Optional<MarkerView> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM marker_view WHERE marker_id = :id")
                .param("id", id)
                .query((rs, row) -> read(rs))
                .optional();
    }

    List<MarkerView> list(Filter filter, int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM marker_view"
                        + conditions(filter).where() + " ORDER BY marker_id LIMIT :limit OFFSET :offset")
                .params(conditions(filter).values())
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> read(rs))
                .list();
    }

    /** Every marker the filter matches, ordered by id, unpaged (a border has hundreds of markers, not millions). */
    List<MarkerView> all(Filter filter) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM marker_view"
                        + conditions(filter).where() + " ORDER BY marker_id")
                .params(conditions(filter).values())
                .query((rs, row) -> read(rs))
                .list();
    }

    long count(Filter filter) {
        return jdbc.sql("SELECT COUNT(*) FROM marker_view" + conditions(filter).where())
                .params(conditions(filter).values())
                .query(Long.class)
                .single();
    }

    private static ListFilter conditions(Filter filter) {
        return new ListFilter()
                .with("status = :status", "status", filter.status())
                .with("marker_type = :type", "type", filter.type())
                .with("responsible_side = :side", "side", filter.side());
    }

    private static MarkerView read(ResultSet rs) throws SQLException {
        return new MarkerView(
                rs.getString("marker_id"),
                enumOf(MarkerType.class, rs.getString("marker_type")),
                enumOf(Side.class, rs.getString("responsible_side")),
                rs.getObject("planned_lat", Double.class),
                rs.getObject("planned_lon", Double.class),
                MarkerStatus.valueOf(rs.getString("status")),
                rs.getObject("completed_on", LocalDate.class),
                enumOf(Side.class, rs.getString("reporting_side")),
                rs.getObject("surveyed_lat", Double.class),
                rs.getObject("surveyed_lon", Double.class),
                rs.getObject("confirmed_on", LocalDate.class),
                enumOf(Side.class, rs.getString("confirming_side")),
                rs.getObject("damaged_on", LocalDate.class),
                rs.getString("damage_description"),
                rs.getObject("repaired_on", LocalDate.class),
                rs.getString("repair_description"));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
