package org.borderledger.command.web;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.List;
import org.borderledger.operations.LedgerOpenApi;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title and description ({@link LedgerOpenApi} adds the bearer-JWT scheme), and the write
 * endpoints, which are registered from their {@link WriteSource}s rather than declared as controller methods.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRestControllers(WriteHandler.class);
    }

    @Bean
    OpenAPI ledgerOpenApi() {
        return LedgerOpenApi.document(
                "Border Cooperation Ledger — write API",
                "Units record facts of the cooperation of Kiên Giang (VN-47) and Kampot (KH-7); auditors read the attributed history.");
    }

    /** Each write's endpoint ({@link WriteHandler}) with its summary, its feature's tag and its request body. */
    @Bean
    OperationCustomizer writeOperations() {
        return (operation, handler) ->
                handler.getBean() instanceof WriteHandler write ? write.document(operation) : operation;
    }

    /** The schemas of the writes' request bodies, which the write endpoints refer to. */
    @Bean
    OpenApiCustomizer writeRequestSchemas(List<WriteSource> sources) {
        return openApi -> sources.stream()
                .flatMap(source -> source.operations().stream())
                .forEach(write -> ModelConverters.getInstance()
                        .readAll(new AnnotatedType(write.body()))
                        .forEach(openApi.getComponents()::addSchemas));
    }
}
