package org.borderledger.wiring;

import static java.lang.String.format;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;

/**
 * Axon's JDBC token store, except that a claim is extended, and a token stored under it, only by the instance that
 * holds it. Axon's own store extends a claim by fetching the token, and stores a token it no longer owns by claiming
 * it again, both of which succeed on a token nobody holds: a worker that missed that its segment was taken from it
 * (a replay rewinding every segment, another instance's claim released a moment later) would claim the segment back
 * and carry on from its own stream, writing its old position over the rewound one. Here it gets
 * {@link UnableToClaimTokenException}, and the processor lets the segment go.
 */
final class OwnClaimTokenStore extends JdbcTokenStore {

    private final TokenSchema schema;
    private final String nodeId;

    OwnClaimTokenStore(Builder builder, TokenSchema schema, String nodeId) {
        super(builder);
        this.schema = schema;
        this.nodeId = nodeId;
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        String sql = "UPDATE " + schema.tokenTable() + " SET " + schema.timestampColumn() + " = ? WHERE "
                + schema.processorNameColumn() + " = ? AND " + schema.segmentColumn() + " = ? AND "
                + schema.ownerColum() + " = ?";
        requireOwnClaim(processorName, segment, connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setString(1, DateTimeUtils.formatInstant(Instant.now()));
            statement.setString(2, processorName);
            statement.setInt(3, segment);
            statement.setString(4, nodeId);
            return statement;
        });
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        requireOwnClaim(processorName, segment, connection -> storeUpdate(connection, token, processorName, segment));
    }

    private void requireOwnClaim(String processorName, int segment, JdbcUtils.SqlFunction update) {
        Connection connection = getConnection();
        try {
            int updated = JdbcUtils.executeUpdate(
                    connection,
                    update,
                    e -> new JdbcException(
                            format(
                                    "Could not update the token of processor [%s], segment [%d]",
                                    processorName, segment),
                            e));
            if (updated == 0) {
                throw new UnableToClaimTokenException(format(
                        "The token of processor [%s], segment [%d] is not claimed by %s",
                        processorName, segment, nodeId));
            }
        } finally {
            JdbcUtils.closeQuietly(connection);
        }
    }
}
