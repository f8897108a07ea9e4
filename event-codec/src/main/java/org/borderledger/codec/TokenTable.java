package org.borderledger.codec;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;

/** Snake-case names for Axon's token table, which each service's Flyway migrations create. */
public final class TokenTable {

    public static final TokenSchema SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("time_stamp")
            .setOwnerColumn("owner")
            .build();

    private TokenTable() {}
}
