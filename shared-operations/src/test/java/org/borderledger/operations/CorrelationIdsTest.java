package org.borderledger.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CorrelationIdsTest {

    private final CorrelationIds filter = new CorrelationIds();
    private final List<String> seenInLogs = new ArrayList<>();
    private final List<String> seenByTheService = new ArrayList<>();

    private void handle(MockHttpServletRequest request, MockHttpServletResponse response) throws Exception {
        filter.doFilter(request, response, (req, res) -> {
            seenInLogs.add(MDC.get(CorrelationIds.MDC_KEY));
            seenByTheService.add(((HttpServletRequest) req).getHeader("X-Correlation-Id"));
        });
    }

    @Test
    void keepsTheClientsCorrelationIdForTheLogsTheServiceAndTheAnswer() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/markers");
        request.addHeader("X-Correlation-Id", "sync-2014-08-15");
        MockHttpServletResponse response = new MockHttpServletResponse();

        handle(request, response);

        assertThat(seenInLogs).containsExactly("sync-2014-08-15");
        assertThat(seenByTheService).containsExactly("sync-2014-08-15");
        assertThat(response.getHeader("X-Correlation-Id")).isEqualTo("sync-2014-08-15");
        assertThat(MDC.get(CorrelationIds.MDC_KEY))
                .as("nothing left on the thread")
                .isNull();
    }

    @Test
    void makesOneCorrelationIdWhenTheClientSentNoneAndTheServiceSeesTheSame() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        handle(new MockHttpServletRequest("POST", "/api/markers"), response);

        assertThat(seenInLogs.get(0)).isNotBlank();
        assertThat(seenByTheService).containsExactlyElementsOf(seenInLogs);
        assertThat(response.getHeader("X-Correlation-Id")).isEqualTo(seenInLogs.get(0));
    }

    @Test
    void neitherLogsNorEchoesAnOverlongValue() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/markers");
        String overlong = "x".repeat(1000);
        request.addHeader("X-Correlation-Id", overlong);
        MockHttpServletResponse response = new MockHttpServletResponse();

        handle(request, response);

        assertThat(seenInLogs).containsExactly((String) null);
        assertThat(seenByTheService).containsExactly(overlong);
        assertThat(response.getHeader("X-Correlation-Id")).isNull();
    }
}
