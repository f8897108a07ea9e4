package org.borderledger.query.indicator;

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
class IndicatorQueryControllerTest {

    @Autowired
    MockMvc http;

    @Autowired
    ReadModelWrites writes;

    @Test
    void answersTheCurrentValueWithItsHistory() throws Exception {
        EventFeed feed = new EventFeed(new IndicatorProjection(writes));
        feed.publish("IND-2014-TRADE", IndicatorProjectionTest.trade2014(100_000_000));
        feed.publish("IND-2014-TRADE", new IndicatorCorrected("IND-2014-TRADE", 100_000_000, 101_000_000, "final"));

        http.perform(get("/api/indicators").param("kind", "TRADE_TURNOVER_USD").param("from", "2014-01-01"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("IND-2014-TRADE"))
                .andExpect(jsonPath("$.items[0].value").value(101_000_000))
                .andExpect(jsonPath("$.items[0].history[0].value").value(100_000_000))
                .andExpect(jsonPath("$.items[0].history[0].reason").value("final"));
        http.perform(get("/api/indicators/IND-2014-TRADE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(101_000_000));
    }

    @Test
    void aMalformedDateIsABadRequestNamingIt() throws Exception {
        http.perform(get("/api/indicators").param("from", "2014-13-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://border-ledger.example/problems/invalid-parameter"))
                .andExpect(jsonPath("$.fields", contains("from")))
                .andExpect(jsonPath("$.detail").value("'from' must be a date YYYY-MM-DD, not '2014-13-01'"));
        http.perform(get("/api/indicators").param("from", "2014-13-01").header("Accept-Language", "vi"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://border-ledger.example/problems/invalid-parameter"))
                .andExpect(jsonPath("$.fields", contains("from")))
                .andExpect(jsonPath("$.title").value("Yêu cầu không hợp lệ"))
                .andExpect(
                        jsonPath("$.detail").value("'from' phải là một ngày dạng YYYY-MM-DD, không phải '2014-13-01'"));
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsABadRequestNamingBothEnds() throws Exception {
        http.perform(get("/api/indicators").param("from", "2015-01-01").param("to", "2014-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields", contains("from", "to")));
    }
}
