package org.borderledger.query.web;

import io.swagger.v3.oas.models.OpenAPI;
import org.borderledger.operations.LedgerOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and description; {@link LedgerOpenApi} adds the bearer-JWT scheme. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI ledgerOpenApi() {
        return LedgerOpenApi.document(
                "Border Cooperation Ledger — read API",
                "Read models built from the event history: agreements, repatriation cases, markers, indicators, statistics.");
    }
}
