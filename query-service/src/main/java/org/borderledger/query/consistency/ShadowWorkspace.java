package org.borderledger.query.consistency;

import javax.sql.DataSource;
import org.borderledger.codec.LedgerRecords;
import org.borderledger.query.deadletter.DeadLetterRepository;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.stereotype.Component;

/**
 * What a check builds its shadow read models with: the live database (the shadow schema lives beside the live one),
 * the service's migrations, its own projections (from {@code service}), and the record decoding and parking the live
 * side uses.
 */
@Component
record ShadowWorkspace(
        DataSource dataSource,
        Flyway flyway,
        BeanFactory service,
        LedgerRecords records,
        DeadLetterRepository deadLetters) {}
