package org.borderledger.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.borderledger.testsupport.TestInfrastructure;
import org.borderledger.testsupport.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A body that is JSON but not an object ({@code null}, an array, a string, a number, a boolean) is a 400
 * problem+json naming the body on every write path, for a batch and for each item of a batch; nothing is submitted.
 */
@WebMvcTest
@ContextConfiguration(classes = WriteControllerSlice.class)
@TestPropertySource(
        properties = {
            "spring.config.name=command-service",
            "ledger.security.jwt-secret=" + TestInfrastructure.JWT_SECRET
        })
class NonObjectBodiesTest {

    private static final List<String> NOT_OBJECTS =
            List.of("null", "[]", "[{}]", "\"text\"", "\"2014-08-15\"", "42", "true");

    /** Every write path, with the batch item type of the same write and whether it names a target. */
    private static final List<List<String>> WRITES = List.of(
            List.of("/api/agreements", "SignAgreement", ""),
            List.of("/api/agreements/AGR-1/reviews", "RecordAgreementReview", "AGR-1"),
            List.of("/api/agreements/AGR-1/amendments", "AmendAgreement", "AGR-1"),
            List.of("/api/agreements/AGR-1/termination", "TerminateAgreement", "AGR-1"),
            List.of("/api/repatriation-cases", "OpenRepatriationCase", ""),
            List.of("/api/repatriation-cases/REP-1/recoveries", "RecordRemainsRecovery", "REP-1"),
            List.of("/api/repatriation-cases/REP-1/repatriations", "RecordRepatriation", "REP-1"),
            List.of("/api/markers", "PlanMarker", ""),
            List.of("/api/markers/314%2F1/completion-reports", "ReportMarkerCompletion", "314/1"),
            List.of("/api/markers/314%2F1/confirmations", "ConfirmMarkerCompletion", "314/1"),
            List.of("/api/markers/314%2F1/damage-reports", "ReportMarkerDamage", "314/1"),
            List.of("/api/markers/314%2F1/repairs", "RecordMarkerRepair", "314/1"),
            List.of("/api/indicators", "ReportIndicator", ""),
            List.of("/api/indicators/IND-1/corrections", "CorrectIndicator", "IND-1"));

    @Autowired
    MockMvc http;

    @Autowired
    ObjectMapper json;

    @MockitoBean
    Submissions submissions;

    static Stream<Arguments> everyWritePathWithEveryBody() {
        return WRITES.stream().flatMap(write -> NOT_OBJECTS.stream().map(body -> Arguments.of(write.get(0), body)));
    }

    static Stream<Arguments> everyBatchItemTypeWithEveryBody() {
        return WRITES.stream()
                .flatMap(write -> NOT_OBJECTS.stream().map(body -> Arguments.of(write.get(1), write.get(2), body)));
    }

    static Stream<String> everyBody() {
        return NOT_OBJECTS.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("everyWritePathWithEveryBody")
    void aWritePathRefusesABodyThatIsNotAnObject(String path, String body) throws Exception {
        JsonNode problem = badRequest(send(path, body));

        assertThat(problem.get("fields")).extracting(JsonNode::asText).containsExactly("body");
        verifyNoInteractions(submissions);
    }

    @ParameterizedTest(name = "a batch that is {0}")
    @MethodSource("everyBody")
    void aBatchThatIsNotAnObjectIsRefused(String body) throws Exception {
        JsonNode problem = badRequest(send("/api/batches", body));

        assertThat(problem.get("fields")).extracting(JsonNode::asText).containsExactly("body");
        verifyNoInteractions(submissions);
    }

    @ParameterizedTest(name = "a batch item that is {0}")
    @MethodSource("everyBody")
    void aBatchItemThatIsNotAnObjectIsRefused(String item) throws Exception {
        JsonNode problem = badRequest(send("/api/batches", "{\"commands\": [" + item + "]}"));

        assertThat(problem.get("fields"))
                .extracting(JsonNode::asText)
                .singleElement()
                .asString()
                .startsWith("commands");
        verifyNoInteractions(submissions);
    }

    @ParameterizedTest(name = "a {0} item with the body {2}")
    @MethodSource("everyBatchItemTypeWithEveryBody")
    void aBatchItemWhoseBodyIsNotAnObjectIsRefusedAlone(String type, String target, String body) throws Exception {
        String item = "{\"type\": \"" + type + "\", "
                + (target.isEmpty() ? "" : "\"target\": \"" + target + "\", ")
                + "\"body\": " + body + "}";
        MockHttpServletResponse response = send("/api/batches", "{\"commands\": [" + item + "]}");

        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(207);
        JsonNode result =
                json.readTree(response.getContentAsString()).get("results").get(0);
        assertThat(result.get("status").asInt()).isEqualTo(400);
        assertThat(result.at("/problem/type").asText())
                .isEqualTo("https://border-ledger.example/problems/invalid-request");
        assertThat(result.at("/problem/fields")).extracting(JsonNode::asText).containsExactly("body");
        verifyNoInteractions(submissions);
    }

    private MockHttpServletResponse send(String path, String body) throws Exception {
        return http.perform(post(URI.create(path))
                        .header("Authorization", "Bearer " + Tokens.kienGiang())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    private JsonNode badRequest(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        assertThat(MediaType.parseMediaType(response.getContentType()))
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("type").asText()).isEqualTo("https://border-ledger.example/problems/invalid-request");
        return problem;
    }
}
