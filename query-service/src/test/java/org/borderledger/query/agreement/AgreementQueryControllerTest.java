package org.borderledger.query.agreement;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.borderledger.query.EventFeed;
import org.borderledger.query.QueryWebTest;
import org.borderledger.query.readmodel.ReadModelWrites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@QueryWebTest
class AgreementQueryControllerTest {

    @Autowired
    MockMvc http;

    @Autowired
    ReadModelWrites writes;

    @BeforeEach
    void recordAgreements() {
        EventFeed feed = new EventFeed(new AgreementProjection(writes));
        feed.publish("WEB-AGR-1", AgreementProjectionTest.signed("WEB-AGR-1", LocalDate.of(2015, 12, 31)));
        feed.publish("WEB-AGR-2", AgreementProjectionTest.signed("WEB-AGR-2", LocalDate.of(2030, 12, 31)));
    }

    @Test
    void listsAgreementsPagedWithThePositionTheyReflect() throws Exception {
        http.perform(get("/api/agreements").param("status", "EXPIRED").param("size", "10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", contains("WEB-AGR-1")))
                .andExpect(jsonPath("$.items[0].status").value("EXPIRED"))
                .andExpect(jsonPath("$.items[0].signedOn").value("2014-05-26"))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(10))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.position").isNumber())
                .andExpect(header().exists("X-Ledger-Position"));
    }

    @Test
    void answersOneAgreementWithItsPosition() throws Exception {
        http.perform(get("/api/agreements/WEB-AGR-2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("WEB-AGR-2"))
                .andExpect(jsonPath("$.status").value("IN_FORCE"))
                .andExpect(jsonPath("$.parties", contains("VN-47", "KH-7")))
                .andExpect(jsonPath("$.position", greaterThanOrEqualTo(0)));
    }

    @Test
    void anUnknownAgreementIsANotFoundProblem() throws Exception {
        http.perform(get("/api/agreements/AGR-1999-404"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://border-ledger.example/problems/not-found"))
                .andExpect(jsonPath("$.fields", contains("id")))
                .andExpect(jsonPath("$.detail").value("No agreement with id 'AGR-1999-404'"));
    }

    @Test
    void aPageLargerThanTheMaximumIsABadRequestNamingSize() throws Exception {
        http.perform(get("/api/agreements").param("size", "501"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://border-ledger.example/problems/invalid-parameter"))
                .andExpect(jsonPath("$.fields", contains("size")));
    }

    @Test
    void anUnknownStatusIsABadRequestListingTheKnownOnes() throws Exception {
        http.perform(get("/api/agreements").param("status", "SIGNED"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields", contains("status")))
                .andExpect(jsonPath("$.detail")
                        .value("'status' must be one of [IN_FORCE, EXPIRED, TERMINATED], not 'SIGNED'"));
    }

    @Test
    void aMinPositionNotReachedIsServiceUnavailableWithRetryAfter() throws Exception {
        http.perform(get("/api/agreements").param("minPosition", "999999").header("Prefer", "wait=0"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://border-ledger.example/problems/position-not-reached"))
                .andExpect(jsonPath("$.fields", contains("minPosition")));
    }
}
