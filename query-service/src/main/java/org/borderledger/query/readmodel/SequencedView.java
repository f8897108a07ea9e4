package org.borderledger.query.readmodel;

import org.borderledger.query.readmodel.ReadModelWrites.Statement;

/**
 * The statements of a read model kept by one aggregate's events, each guarded by the row's {@code last_sequence} so that
 * a redelivered event changes nothing: the row is created once, changed only by an event of a later sequence, and a
 * line is added only once the row has reached the line's sequence. Every statement takes the aggregate id as
 * {@code :id} and the event's sequence as {@code :sequence}; the changes of one row run in the order of their events.
 *
 * @param table the view's table, one row per aggregate
 * @param idColumn its key, the aggregate id
 */
public record SequencedView(String table, String idColumn) {

    /** Creates the row with {@code columns} set to {@code values}; a row that is already there stays as it is. */
    public Statement create(String columns, String values) {
        return Statement.onRow(
                table,
                "INSERT INTO " + table + " (" + idColumn + ", " + columns + ", last_sequence) VALUES (:id, " + values
                        + ", :sequence) ON CONFLICT DO NOTHING");
    }

    /**
     * Applies {@code assignments} (none: the event only advances the row) and advances the row's sequence, when the
     * event is later than the row.
     */
    public Statement update(String assignments) {
        return Statement.onRow(
                table,
                "UPDATE " + table + " SET " + (assignments.isBlank() ? "" : assignments + ", ")
                        + "last_sequence = :sequence WHERE " + idColumn + " = :id AND last_sequence < :sequence");
    }

    /**
     * Adds a line of the event to {@code lineTable} (keyed by the aggregate id and {@code sequence_number}) once the
     * row has reached the event's sequence; a line that is already there stays as it is.
     */
    public Statement line(String lineTable, String columns, String values) {
        return Statement.afterRows("INSERT INTO " + lineTable + " (" + idColumn + ", sequence_number, " + columns
                + ") SELECT " + idColumn + ", :sequence, " + values + " FROM " + table + " WHERE " + idColumn
                + " = :id AND last_sequence >= :sequence ON CONFLICT DO NOTHING");
    }
}
