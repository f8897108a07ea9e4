package org.borderledger.command.marker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderledger.command.marker.MarkerRefusals.ConfirmationFromSameSide;
import org.borderledger.command.marker.MarkerRequests.ReportMarkerDamageRequest;
import org.borderledger.command.web.Accepted;
import org.borderledger.command.web.SubmissionContext;
import org.borderledger.command.web.Submissions;
import org.borderledger.command.web.WriteControllerSlice;
import org.borderledger.events.FieldLimits;
import org.borderledger.events.Side;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every answer in the reader's language by {@code Accept-Language} (Khmer, Vietnamese, English; English for anything
 * else), with the same problem {@code type} and {@code fields} in all three; and request text read in NFC with its
 * limit counted in code points.
 */
@WebMvcTest
@ContextConfiguration(classes = WriteControllerSlice.class)
@TestPropertySource(
        properties = {
            "spring.config.name=command-service",
            "ledger.security.jwt-secret=" + TestInfrastructure.JWT_SECRET
        })
class AnswerLanguagesTest {

    private static final String PROBLEMS = "https://border-ledger.example/problems/";

    @Autowired
    MockMvc http;

    @Autowired
    ObjectMapper json;

    @MockitoBean
    Submissions submissions;

    @Test
    void aRefusedConfirmationIsAnsweredInKhmerVietnameseAndEnglish() throws Exception {
        when(submissions.submitOne(eq(MarkerController.CONFIRM), eq("M-314"), any(), any(SubmissionContext.class)))
                .thenThrow(new ConfirmationFromSameSide("M-314", Side.KH));

        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String language : List.of("km", "vi", "en")) {
            answers.put(language, answer(confirmation().header("Accept-Language", language), 403));
        }

        assertSameTypeAndFields(answers, "confirmation-from-same-side");
        assertThat(answers.get("en").get("title").asText()).isEqualTo("Confirmation from same side");
        assertThat(answers.get("en").get("detail").asText())
                .isEqualTo("Marker M-314 was built by KH; only the other side can confirm its completion");
        assertThat(answers.get("km").get("title").asText()).isEqualTo("ការបញ្ជាក់ពីភាគីដែលបានសាងសង់");
        assertThat(answers.get("km").get("detail").asText())
                .isEqualTo(
                        "បង្គោល M-314 ត្រូវបានសាងសង់ដោយភាគីកម្ពុជា; មានតែភាគីម្ខាងទៀតប៉ុណ្ណោះដែលអាចបញ្ជាក់ថាបង្គោលនេះសាងសង់រួច");
        assertThat(answers.get("vi").get("detail").asText())
                .isEqualTo("Cột mốc M-314 do bên Campuchia xây dựng; chỉ bên kia mới có thể xác nhận hoàn thành");
    }

    @Test
    void aShapeErrorNamesTheSameFieldInEveryLanguageAndSaysWhatIsWrongInEach() throws Exception {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String language : List.of("km-KH", "vi-VN", "en-US")) {
            answers.put(
                    language, answer(confirmation("{\"confirmedOn\": null}").header("Accept-Language", language), 400));
        }

        assertSameTypeAndFields(answers, "invalid-request");
        assertThat(answers.get("en-US").get("fields").get(0).asText()).isEqualTo("confirmedOn");
        assertThat(answers.get("en-US").get("detail").asText()).isEqualTo("The request is not valid: confirmedOn");
        assertThat(answers.get("en-US").at("/errors/confirmedOn").asText()).isEqualTo("must not be null");
        assertThat(answers.get("vi-VN").at("/errors/confirmedOn").asText()).isEqualTo("không được thiếu");
        assertThat(answers.get("km-KH").at("/errors/confirmedOn").asText()).isEqualTo("ត្រូវតែមានតម្លៃ");
        assertThat(answers.get("km-KH").get("detail").asText()).isEqualTo("សំណើមិនត្រឹមត្រូវ៖ confirmedOn");
        verifyNoInteractions(submissions);
    }

    @Test
    void malformedJsonIsRefusedInTheReadersLanguage() throws Exception {
        JsonNode khmer = answer(confirmation("{\"confirmedOn\": ").header("Accept-Language", "km"), 400);
        JsonNode english = answer(confirmation("{\"confirmedOn\": "), 400);

        assertThat(khmer.get("type")).isEqualTo(english.get("type"));
        assertThat(khmer.get("fields")).isEqualTo(english.get("fields"));
        assertThat(english.at("/errors/body").asText()).isEqualTo("malformed JSON or a value of the wrong type");
        assertThat(khmer.at("/errors/body").asText()).isEqualTo("JSON មានទម្រង់មិនត្រឹមត្រូវ ឬតម្លៃមានប្រភេទខុស");
    }

    @Test
    void springsOwnRefusalsAreAnsweredInKhmerWithTheSameTypes() throws Exception {
        Map<String, MockHttpServletRequestBuilder> refusals = Map.of(
                "unsupported-media-type",
                confirmation().contentType(MediaType.TEXT_PLAIN),
                "not-found",
                post("/api/nothing-here")
                        .header("Authorization", "Bearer " + Tokens.kampot())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"));
        for (var refusal : refusals.entrySet()) {
            var english = http.perform(refusal.getValue()).andReturn().getResponse();
            var khmer = http.perform(refusal.getValue().header("Accept-Language", "km"))
                    .andReturn()
                    .getResponse();
            assertThat(khmer.getStatus()).as(refusal.getKey()).isEqualTo(english.getStatus());
            JsonNode inEnglish = json.readTree(english.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            JsonNode inKhmer = json.readTree(khmer.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(inKhmer.path("type").asText()).as(refusal.getKey()).isEqualTo(PROBLEMS + refusal.getKey());
            assertThat(inKhmer.get("type")).isEqualTo(inEnglish.get("type"));
            assertThat(inKhmer.get("title").asText()).as(refusal.getKey()).containsPattern("[\\u1780-\\u17FF]");
            assertThat(inKhmer.get("detail").asText()).as(refusal.getKey()).containsPattern("[\\u1780-\\u17FF]");
            assertThat(inEnglish.get("title").asText()).doesNotContainPattern("[\\u1780-\\u17FF]");
        }
    }

    @Test
    void anAcceptLanguageThatMatchesNoneOrCannotBeReadGetsEnglish() throws Exception {
        when(submissions.submitOne(eq(MarkerController.CONFIRM), eq("M-314"), any(), any(SubmissionContext.class)))
                .thenThrow(new ConfirmationFromSameSide("M-314", Side.KH));
        JsonNode english = answer(confirmation(), 403);

        for (String language : List.of("xx", "*", "fr-FR, de;q=0.8", ";;;q=abc", "km;q=2", "x".repeat(300), "")) {
            JsonNode answer = answer(confirmation().header("Accept-Language", language), 403);
            assertThat(answer).as("Accept-Language: %s", language).isEqualTo(english);
        }
    }

    @Test
    void aMissingTokenAndAForbiddenRoleAreRefusedInKhmer() throws Exception {
        JsonNode unauthenticated = answer(
                post("/api/markers/M-314/confirmations")
                        .header("Accept-Language", "km")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"confirmedOn\": \"2014-08-12\"}"),
                401);
        JsonNode forbidden = answer(
                post("/api/markers/M-314/confirmations")
                        .header("Authorization", "Bearer " + Tokens.auditor())
                        .header("Accept-Language", "km")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"confirmedOn\": \"2014-08-12\"}"),
                403);

        assertThat(unauthenticated.get("type").asText()).isEqualTo(PROBLEMS + "unauthenticated");
        assertThat(unauthenticated.get("title").asText()).isEqualTo("មិនទាន់បានផ្ទៀងផ្ទាត់អត្តសញ្ញាណ");
        assertThat(unauthenticated.get("detail").asText()).isEqualTo("ត្រូវការសញ្ញាសម្គាល់ចូលប្រើ (bearer token)។");
        assertThat(forbidden.get("type").asText()).isEqualTo(PROBLEMS + "forbidden");
        assertThat(forbidden.get("title").asText()).isEqualTo("មិនត្រូវបានអនុញ្ញាត");
        assertThat(forbidden.get("detail").asText()).isEqualTo("តួនាទីក្នុងសញ្ញាសម្គាល់ចូលប្រើមិនអនុញ្ញាតសំណើនេះទេ។");
        verifyNoInteractions(submissions);
    }

    @Test
    void aRefusedBatchItemIsExplainedInKhmer() throws Exception {
        when(submissions.submit(eq(MarkerController.CONFIRM), eq("M-314"), any(), any(SubmissionContext.class)))
                .thenThrow(new ConfirmationFromSameSide("M-314", Side.VN));

        JsonNode batch = json.readTree(http.perform(
                        post("/api/batches")
                                .header("Authorization", "Bearer " + Tokens.kienGiang())
                                .header("Accept-Language", "km")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        """
                                {"commands": [
                                  {"type": "ConfirmMarkerCompletion", "target": "M-314", "body": {"confirmedOn": "2014-08-12"}},
                                  {"type": "ConfirmMarkerCompletion", "target": "314/2", "body": {}},
                                  {"type": "NoSuchCommand", "target": "314/3", "body": {}}
                                ]}"""))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));

        JsonNode refused = batch.at("/results/0/problem");
        assertThat(refused.get("type").asText()).isEqualTo(PROBLEMS + "confirmation-from-same-side");
        assertThat(refused.get("title").asText()).isEqualTo("ការបញ្ជាក់ពីភាគីដែលបានសាងសង់");
        assertThat(refused.get("detail").asText()).startsWith("បង្គោល M-314 ត្រូវបានសាងសង់ដោយភាគីវៀតណាម");
        JsonNode invalid = batch.at("/results/1/problem");
        assertThat(invalid.get("type").asText()).isEqualTo(PROBLEMS + "invalid-request");
        assertThat(invalid.at("/errors/confirmedOn").asText()).isEqualTo("ត្រូវតែមានតម្លៃ");
        JsonNode unknown = batch.at("/results/2/problem");
        assertThat(unknown.get("type").asText()).isEqualTo(PROBLEMS + "unknown-command-type");
        assertThat(unknown.get("detail").asText()).startsWith("ប្រភេទពាក្យបញ្ជាមិនស្គាល់ 'NoSuchCommand'");
    }

    @Test
    void textInDecomposedFormIsSubmittedComposed() throws Exception {
        when(submissions.submitOne(eq(MarkerController.REPORT_DAMAGE), eq("M-314"), any(), any()))
                .thenReturn(new Accepted("M-314", 9));
        String composed = "Bờ sông Giang Thành ខូចខាតដោយទឹកជំនន់ ខេត្តកំពត";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);

        answer(damage(decomposed), 201);

        ArgumentCaptor<ReportMarkerDamageRequest> body = ArgumentCaptor.forClass(ReportMarkerDamageRequest.class);
        verify(submissions).submitOne(eq(MarkerController.REPORT_DAMAGE), eq("M-314"), body.capture(), any());
        assertThat(body.getValue().description()).isEqualTo(composed);
    }

    @Test
    void aTextLimitCountsCodePointsNotUtf16Units() throws Exception {
        when(submissions.submitOne(eq(MarkerController.REPORT_DAMAGE), eq("M-314"), any(), any()))
                .thenReturn(new Accepted("M-314", 9));
        String atTheLimit = "ខេត្តកំពត" + "𝄞".repeat(FieldLimits.TEXT - "ខេត្តកំពត".length());
        assertThat(atTheLimit.codePointCount(0, atTheLimit.length())).isEqualTo(FieldLimits.TEXT);
        assertThat(atTheLimit.length()).isGreaterThan(FieldLimits.TEXT);

        answer(damage(atTheLimit), 201);
        JsonNode over = answer(damage(atTheLimit + "ក"), 400);

        assertThat(over.get("fields").get(0).asText()).isEqualTo("description");
    }

    private MockHttpServletRequestBuilder confirmation() {
        return confirmation("{\"confirmedOn\": \"2014-08-12\"}");
    }

    private MockHttpServletRequestBuilder confirmation(String body) {
        return post("/api/markers/M-314/confirmations")
                .header("Authorization", "Bearer " + Tokens.kampot())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private MockHttpServletRequestBuilder damage(String description) throws Exception {
        return post("/api/markers/M-314/damage-reports")
                .header("Authorization", "Bearer " + Tokens.kienGiang())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("damagedOn", "2014-08-12", "description", description)));
    }

    private JsonNode answer(MockHttpServletRequestBuilder request, int status) throws Exception {
        var response = http.perform(request).andReturn().getResponse();
        String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        return body.isEmpty() ? json.createObjectNode() : json.readTree(body);
    }

    private static void assertSameTypeAndFields(Map<String, JsonNode> answers, String type) {
        JsonNode first = answers.values().iterator().next();
        assertThat(first.get("type").asText()).isEqualTo(PROBLEMS + type);
        answers.forEach((language, answer) -> {
            assertThat(answer.get("type")).as(language).isEqualTo(first.get("type"));
            assertThat(answer.get("fields")).as(language).isEqualTo(first.get("fields"));
            assertThat(answer.get("status")).as(language).isEqualTo(first.get("status"));
        });
        assertThat(answers.values().stream()
                        .map(answer -> answer.get("title").asText())
                        .distinct())
                .hasSize(answers.size());
        assertThat(answers.values().stream()
                        .map(answer -> answer.get("detail").asText())
                        .distinct())
                .hasSize(answers.size());
    }
}
