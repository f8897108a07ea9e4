package org.borderledger.command.web;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import org.borderledger.testsupport.TestInfrastructure;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** What every write path refuses before anything reaches a submission, whatever the controller. */
@WebMvcTest
@ContextConfiguration(classes = WriteControllerSlice.class)
@TestPropertySource(
        properties = {
            "spring.config.name=command-service",
            "ledger.security.jwt-secret=" + TestInfrastructure.JWT_SECRET
        })
class WriteControllersTest {

    @Autowired
    MockMvc http;

    @MockitoBean
    Submissions submissions;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/agreements",
                "/api/agreements/AGR-1/reviews",
                "/api/agreements/AGR-1/amendments",
                "/api/agreements/AGR-1/termination",
                "/api/repatriation-cases",
                "/api/repatriation-cases/REP-1/recoveries",
                "/api/repatriation-cases/REP-1/repatriations",
                "/api/markers",
                "/api/markers/314%2F1/completion-reports",
                "/api/markers/314%2F1/confirmations",
                "/api/markers/314%2F1/damage-reports",
                "/api/markers/314%2F1/repairs",
                "/api/indicators",
                "/api/indicators/IND-1/corrections"
            })
    void aBodyThatIsNotJsonIsABadRequest(String path) throws Exception {
        http.perform(post(URI.create(path))
                        .header("Authorization", "Bearer " + Tokens.kienGiang())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://border-ledger.example/problems/invalid-request"));

        verifyNoInteractions(submissions);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/api/agreements", "/api/repatriation-cases/REP-1/recoveries", "/api/markers", "/api/indicators"
            })
    void anEmptyObjectNamesTheMissingFields(String path) throws Exception {
        http.perform(post(URI.create(path))
                        .header("Authorization", "Bearer " + Tokens.kienGiang())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields").isNotEmpty());

        verifyNoInteractions(submissions);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/api/agreements", "/api/markers/314%2F1/confirmations", "/api/indicators/IND-1/corrections"})
    void withoutATokenNothingIsSubmitted(String path) throws Exception {
        http.perform(post(URI.create(path))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        verifyNoInteractions(submissions);
    }
}
