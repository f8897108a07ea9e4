package org.borderledger.query.console;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.borderledger.query.QueryWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@QueryWebTest
class ConsoleControllerTest {

    static final Path TOKENS = tokensFile();

    @Autowired
    MockMvc http;

    @DynamicPropertySource
    static void localRun(DynamicPropertyRegistry properties) {
        properties.add("ledger.console.demo-tokens", TOKENS::toString);
        properties.add("ledger.console.command-port", () -> "18081");
    }

    @Test
    void theSettingsNameTheCommandServiceAndOfferTheDemoIdentities() throws Exception {
        http.perform(get("/console/config.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.commandPort").value(18081))
                .andExpect(jsonPath("$.commandUrl").doesNotExist())
                .andExpect(jsonPath("$.oidc").doesNotExist())
                .andExpect(jsonPath("$.demoIdentities").value(true));
    }

    @Test
    void theDemoIdentitiesGoToABrowserOnThisMachine() throws Exception {
        http.perform(get("/console/demo-identities").with(request -> {
                    request.setRemoteAddr("127.0.0.1");
                    return request;
                }))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("kienGiangUnit"))
                .andExpect(jsonPath("$[0].token").value("eyJ.kg.sig"))
                .andExpect(jsonPath("$[1].name").value("auditor"));
    }

    @Test
    void anotherMachineIsNotOfferedAnyIdentity() throws Exception {
        http.perform(get("/console/demo-identities").with(request -> {
                    request.setRemoteAddr("192.0.2.10");
                    return request;
                }))
                .andExpect(status().isNotFound());
    }

    private static Path tokensFile() {
        try {
            Path file = Files.createTempFile("tokens", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, "{\"kienGiangUnit\":\"eyJ.kg.sig\",\"auditor\":\"eyJ.au.sig\"}");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
