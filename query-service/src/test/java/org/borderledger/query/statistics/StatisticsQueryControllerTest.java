package org.borderledger.query.statistics;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.borderledger.query.QueryWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@QueryWebTest
class StatisticsQueryControllerTest {

    @Autowired
    MockMvc http;

    @Test
    void answersTheSpecShape() throws Exception {
        http.perform(get("/api/statistics").param("from", "1990-01-01").param("to", "1990-12-31"))
                .andExpect(status().isOk())
                .andExpect(header().exists("X-Ledger-Position"))
                .andExpect(jsonPath("$.from").value("1990-01-01"))
                .andExpect(jsonPath("$.to").value("1990-12-31"))
                .andExpect(jsonPath("$.remainsRecovered").value(0))
                .andExpect(jsonPath("$.remainsRepatriated").value(0))
                .andExpect(jsonPath("$.markersCompleted").value(0))
                .andExpect(jsonPath("$.tradeTurnoverUsd").value(0))
                .andExpect(jsonPath("$.exportsUsd").value(0))
                .andExpect(jsonPath("$.importsUsd").value(0))
                .andExpect(jsonPath("$.visitors.VN_TO_KH").value(0))
                .andExpect(jsonPath("$.visitors.KH_TO_VN").value(0))
                .andExpect(jsonPath("$.agreementsInForce").value(0))
                .andExpect(jsonPath("$.position").isNumber());
    }

    @Test
    void aMissingDateIsABadRequestNamingIt() throws Exception {
        http.perform(get("/api/statistics").param("from", "2014-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://border-ledger.example/problems/missing-parameter"))
                .andExpect(jsonPath("$.fields", contains("to")));
    }

    @Test
    void anInvalidDateIsABadRequestNamingIt() throws Exception {
        http.perform(get("/api/statistics").param("from", "2014-01-01").param("to", "31.12.2014"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://border-ledger.example/problems/invalid-parameter"))
                .andExpect(jsonPath("$.fields", contains("to")));
    }

    @Test
    void fromAfterToIsABadRequestNamingBoth() throws Exception {
        http.perform(get("/api/statistics").param("from", "2015-01-01").param("to", "2014-12-31"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://border-ledger.example/problems/invalid-parameter"))
                .andExpect(jsonPath("$.fields", contains("from", "to")));
    }

    @Test
    void aDateOutsideTheLedgersRangeIsABadRequestNamingIt() throws Exception {
        http.perform(get("/api/statistics").param("from", "-999999999-01-01").param("to", "2014-12-31"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://border-ledger.example/problems/invalid-parameter"))
                .andExpect(jsonPath("$.fields", contains("from")));
        http.perform(get("/api/statistics").param("from", "2014-01-01").param("to", "+5874898-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields", contains("to")));
    }
}
