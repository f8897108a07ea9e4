package org.borderledger.command.marker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.borderledger.command.marker.MarkerCommands.PlanMarker;
import org.borderledger.command.marker.MarkerRequests.PlanMarkerRequest;
import org.borderledger.command.web.Accepted;
import org.borderledger.command.web.Dispatch;
import org.borderledger.command.web.SubmissionContext;
import org.borderledger.command.web.Submissions;
import org.borderledger.command.web.WriteControllerSlice;
import org.borderledger.testsupport.TestInfrastructure;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The marker controller alone: what it accepts, what it refuses before anything is submitted, and the command it
 * builds for the submission, with the service's own security and problem+json but no store and no Axon.
 */
@WebMvcTest(controllers = MarkerController.class)
@ContextConfiguration(classes = WriteControllerSlice.class)
@TestPropertySource(
        properties = {
            "spring.config.name=command-service",
            "ledger.security.jwt-secret=" + TestInfrastructure.JWT_SECRET
        })
class MarkerControllerTest {

    private static final String PLAN =
            """
            {"id": "314/2", "type": "SUB", "plannedLat": 10.38, "plannedLon": 104.52, "responsibleSide": "VN"}""";

    @Autowired
    MockMvc http;

    @MockitoBean
    Submissions submissions;

    @Test
    void aPlanBecomesOnePlanMarkerCommandForTheMarkerTheBodyNames() throws Exception {
        when(submissions.submitOne(eq(MarkerController.PLAN), isNull(), any(), any(SubmissionContext.class)))
                .thenReturn(new Accepted("314/2", 7));

        http.perform(post("/api/markers")
                        .header("Authorization", "Bearer " + Tokens.kienGiang())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value("314/2"))
                .andExpect(jsonPath("$.position").value(7));

        ArgumentCaptor<PlanMarkerRequest> body = ArgumentCaptor.forClass(PlanMarkerRequest.class);
        verify(submissions).submitOne(eq(MarkerController.PLAN), isNull(), body.capture(), any());
        Dispatch dispatch = MarkerController.PLAN.factory().dispatch(null, body.getValue(), null);
        assertThat(dispatch.aggregateId()).isEqualTo("314/2");
        assertThat(dispatch.command()).isInstanceOfSatisfying(PlanMarker.class, command -> {
            assertThat(command.markerId()).isEqualTo("314/2");
            assertThat(command.responsibleSide().name()).isEqualTo("VN");
        });
    }

    @Test
    void aBodyThatBreaksItsConstraintsIsABadRequestAndNothingIsSubmitted() throws Exception {
        http.perform(post("/api/markers")
                        .header("Authorization", "Bearer " + Tokens.kienGiang())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN.replace("10.38", "91")))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.type").value("https://border-ledger.example/problems/invalid-request"))
                .andExpect(jsonPath("$.fields[0]").value("plannedLat"));

        verifyNoInteractions(submissions);
    }

    @Test
    void withoutATokenTheAnswerIs401AndNothingIsSubmitted() throws Exception {
        http.perform(post("/api/markers")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://border-ledger.example/problems/unauthenticated"));

        verifyNoInteractions(submissions);
    }

    @Test
    void anAuditorMayNotWrite() throws Exception {
        http.perform(post("/api/markers")
                        .header("Authorization", "Bearer " + Tokens.auditor())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN))
                .andExpect(status().isForbidden());

        verifyNoInteractions(submissions);
    }
}
