package org.borderledger.operations;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document of either service: its title and description, and a bearer-JWT scheme every path requires. */
public final class LedgerOpenApi {

    private LedgerOpenApi() {}

    /** A document whose bearer scheme makes Swagger UI's "Authorize" send a token. */
    public static OpenAPI document(String title, String description) {
        return new OpenAPI()
                .info(new Info().title(title).version("1").description(description))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
