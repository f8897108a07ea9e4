package org.borderledger.query.repatriation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.query.EventFeed;
import org.borderledger.query.QueryWebTest;
import org.borderledger.query.readmodel.ReadModelWrites;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@QueryWebTest
class RepatriationCaseQueryControllerTest {

    @Autowired
    MockMvc http;

    @Autowired
    ReadModelWrites writes;

    @Test
    void answersACaseWithTotalsAndLines() throws Exception {
        EventFeed feed = new EventFeed(new RepatriationCaseProjection(writes));
        feed.publish("WEB-REP-1", RepatriationCaseProjectionTest.opened("WEB-REP-1"));
        feed.publish(
                "WEB-REP-1",
                new RemainsRecovered(
                        "WEB-REP-1", LocalDate.of(2014, 3, 2), 12, RepatriationCaseProjectionTest.KAMPONG_TRACH));
        feed.publish(
                "WEB-REP-1",
                new RemainsRepatriated("WEB-REP-1", LocalDate.of(2014, 4, 20), 5, "HA_TIEN-PREK_CHAK", "K90"));

        http.perform(get("/api/repatriation-cases/WEB-REP-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recoveredTotal").value(12))
                .andExpect(jsonPath("$.repatriatedTotal").value(5))
                .andExpect(jsonPath("$.remaining").value(7))
                .andExpect(jsonPath("$.firstRecoveredOn").value("2014-03-02"))
                .andExpect(jsonPath("$.lines[0].kind").value("RECOVERY"))
                .andExpect(jsonPath("$.lines[0].site.lat").value(10.56))
                .andExpect(jsonPath("$.lines[1].kind").value("REPATRIATION"))
                .andExpect(jsonPath("$.lines[1].borderGate").value("HA_TIEN-PREK_CHAK"))
                .andExpect(jsonPath("$.lines[1].site").doesNotExist());
        http.perform(get("/api/repatriation-cases").param("season", "2013-2014"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("WEB-REP-1"));
    }

    @Test
    void anUnknownCaseIsNotFound() throws Exception {
        http.perform(get("/api/repatriation-cases/REP-NONE"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Unknown repatriation case"));
    }

    @Test
    void anUnknownCaseIsNotFoundInTheReadersLanguage() throws Exception {
        http.perform(get("/api/repatriation-cases/REP-NONE").header("Accept-Language", "km-KH"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://border-ledger.example/problems/not-found"))
                .andExpect(jsonPath("$.fields[0]").value("id"))
                .andExpect(jsonPath("$.title").value("រកមិនឃើញសំណុំរឿងបញ្ជូនអដ្ឋិធាតុ"))
                .andExpect(jsonPath("$.detail").value("គ្មានសំណុំរឿងបញ្ជូនអដ្ឋិធាតុដែលមានលេខសម្គាល់ 'REP-NONE' ទេ"));
        http.perform(get("/api/repatriation-cases/REP-NONE").header("Accept-Language", "vi"))
                .andExpect(jsonPath("$.title").value("Không tìm thấy hồ sơ hồi hương"))
                .andExpect(jsonPath("$.detail").value("Không có hồ sơ hồi hương nào với mã 'REP-NONE'"));
        http.perform(get("/api/repatriation-cases/REP-NONE").header("Accept-Language", "*"))
                .andExpect(jsonPath("$.title").value("Unknown repatriation case"))
                .andExpect(jsonPath("$.detail").value("No repatriation case with id 'REP-NONE'"));
    }
}
