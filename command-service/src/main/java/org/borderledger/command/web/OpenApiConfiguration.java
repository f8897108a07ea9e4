package org.borderledger.command.web;

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
                "Border Cooperation Ledger — write API",
                "Units record facts of the cooperation of pairs of border provinces, one of each side (GET /api/jurisdictions); auditors read the attributed history.");
    }
}
