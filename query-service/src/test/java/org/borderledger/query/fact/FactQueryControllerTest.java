package org.borderledger.query.fact;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.query.EventFeed;
import org.borderledger.query.QueryWebTest;
import org.borderledger.query.readmodel.ReadModelWrites;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@QueryWebTest
class FactQueryControllerTest {

    @Autowired
    MockMvc http;

    @Autowired
    ReadModelWrites writes;

    @Test
    void answersAnAggregatesTimelineWithWhoSubmittedEachFact() throws Exception {
        EventFeed feed = new EventFeed(new FactProjection(writes));
        feed.publish("IND-T-1", FactProjectionTest.trade2014(100_000_000), FactProjectionTest.KIEN_GIANG);
        feed.publish(
                "IND-T-1",
                new IndicatorCorrected("IND-T-1", 100_000_000, 101_000_000, "final"),
                FactProjectionTest.KIEN_GIANG);

        http.perform(get("/api/facts").param("aggregateId", "IND-T-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].eventType").value("IndicatorReported"))
                .andExpect(jsonPath("$.items[0].unit").value("Kiên Giang Border Guard Command"))
                .andExpect(jsonPath("$.items[0].payload.value").value(100_000_000))
                .andExpect(jsonPath("$.items[1].previousAmount").value(100_000_000))
                .andExpect(jsonPath("$.items[1].amount").value(101_000_000))
                .andExpect(jsonPath("$.position").isNumber());
    }

    @Test
    void anUnknownFigureIsABadRequestNamingIt() throws Exception {
        http.perform(get("/api/figures/REMAINS_LOST/facts")
                        .param("from", "2014-01-01")
                        .param("to", "2014-12-31"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields", contains("figure")));
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsABadRequestNamingBothEnds() throws Exception {
        http.perform(get("/api/figures/REMAINS_RECOVERED/facts")
                        .param("from", "2015-01-01")
                        .param("to", "2014-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields", contains("from", "to")));
    }

    @Test
    void aDateOutsideTheLedgersRangeIsABadRequestNamingIt() throws Exception {
        http.perform(get("/api/figures/REMAINS_RECOVERED/facts")
                        .param("from", "-999999999-01-01")
                        .param("to", "2014-12-31"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://border-ledger.example/problems/invalid-parameter"))
                .andExpect(jsonPath("$.fields", contains("from")));
    }
}
