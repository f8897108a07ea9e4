package org.borderledger.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.borderledger.events.FieldLimits;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/batches}: many writes in one request, for units that sync after a time offline. Items run in order,
 * each in its own transaction with its own result; a refused item does not stop the others. The answer is 201 when
 * every item was accepted, else 207 Multi-Status. A batch counts its items against the submitter's write rate.
 */
@RestController
class BatchController {

    static final int MAX_ITEMS = 500;

    private static final MessageSourceResolvable MALFORMED =
            Problems.text("field.malformed", "malformed or of the wrong type");

    private final Map<String, Write<?>> operations;
    private final Submissions submissions;
    private final WriteRateLimit rateLimit;
    private final Problems problems;
    private final Validator validator;
    private final ObjectMapper json;

    BatchController(
            List<BatchWrites> slices,
            Submissions submissions,
            WriteRateLimit rateLimit,
            Problems problems,
            Validator validator,
            ObjectMapper json) {
        this.operations = slices.stream()
                .flatMap(slice -> slice.batchWrites().stream())
                .collect(Collectors.toUnmodifiableMap(Write::type, Function.identity()));
        this.submissions = submissions;
        this.rateLimit = rateLimit;
        this.problems = problems;
        this.validator = validator;
        this.json = NormalizedText.reading(json);
    }

    @Schema(description = "Writes to run in order, each with its own result")
    record BatchRequest(@NotEmpty @Size(max = MAX_ITEMS) List<@NotNull Item> commands) {}

    @Schema(
            description = "One write. type is the command name: SignAgreement, RecordAgreementReview, AmendAgreement,"
                    + " TerminateAgreement, OpenRepatriationCase, RecordRemainsRecovery, RecordRepatriation,"
                    + " PlanMarker, ReportMarkerCompletion, ConfirmMarkerCompletion, ReportMarkerDamage,"
                    + " RecordMarkerRepair, ReportIndicator, CorrectIndicator. target is the aggregate id for every"
                    + " write but the creating ones; body is the same JSON the write's own path takes.")
    record Item(
            @NotBlank @Text(max = FieldLimits.MESSAGE_TYPE) String type,
            @Pattern(regexp = Ids.PATTERN) String target,
            @Text(max = FieldLimits.REQUEST_KEY) String idempotencyKey,
            @NotNull JsonNode body) {}

    @Schema(description = "status is the HTTP status the item would have had on its own path")
    record ItemResult(int index, String type, int status, String id, Long position, ProblemDetail problem) {}

    record BatchResult(int accepted, int refused, List<ItemResult> results) {}

    @PostMapping("/api/batches")
    @Operation(summary = "Submit many writes at once (offline sync); each item has its own result")
    ResponseEntity<BatchResult> submit(@Valid @RequestBody BatchRequest batch, SubmissionContext context) {
        rateLimit.charge(context.submitter().subject(), batch.commands().size());
        List<ItemResult> results = new ArrayList<>();
        for (int index = 0; index < batch.commands().size(); index++) {
            Item item = batch.commands().get(index);
            results.add(run(index, item, context.withIdempotencyKey(item.idempotencyKey())));
        }
        int accepted = (int)
                results.stream().filter(result -> result.problem() == null).count();
        HttpStatus status = accepted == results.size() ? HttpStatus.CREATED : HttpStatus.MULTI_STATUS;
        return ResponseEntity.status(status).body(new BatchResult(accepted, results.size() - accepted, results));
    }

    private ItemResult run(int index, Item item, SubmissionContext context) {
        Set<ConstraintViolation<Item>> invalid = validator.validate(item);
        if (!invalid.isEmpty()) {
            return refused(index, item, problems.invalid(invalid));
        }
        Write<?> operation = operations.get(item.type());
        if (operation == null) {
            return refused(
                    index,
                    item,
                    problems.problem(
                            HttpStatus.BAD_REQUEST,
                            "unknown-command-type",
                            Problems.text(
                                    "problemDetail.unknown-command-type",
                                    "Unknown command type '" + item.type() + "'; known: "
                                            + String.join(", ", operations.keySet()),
                                    item.type(),
                                    String.join(", ", operations.keySet())),
                            List.of("type")));
        }
        return submit(index, item, operation, context);
    }

    private <R> ItemResult submit(int index, Item item, Write<R> operation, SubmissionContext context) {
        if (operation.targeted() && (item.target() == null || item.target().isBlank())) {
            return refused(
                    index,
                    item,
                    problems.invalid(Map.of("target", Problems.text("field.target", "must name the aggregate"))));
        }
        if (!item.body().isObject()) {
            return refused(index, item, problems.invalid(Map.of("body", MALFORMED)));
        }
        R body;
        try {
            body = json.treeToValue(item.body(), operation.body());
        } catch (JsonMappingException unreadable) {
            return refused(index, item, problems.invalid(Map.of(bodyPath(unreadable), MALFORMED)));
        } catch (Exception unreadable) {
            return refused(index, item, problems.invalid(Map.of("body", MALFORMED)));
        }
        Set<ConstraintViolation<R>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            return refused(index, item, problems.invalid(violations));
        }
        try {
            Accepted accepted = submissions.submit(operation, item.target(), body, context);
            return new ItemResult(
                    index, item.type(), HttpStatus.CREATED.value(), accepted.id(), accepted.position(), null);
        } catch (RuntimeException failure) {
            return refused(index, item, problems.of(failure));
        }
    }

    private static String bodyPath(JsonMappingException unreadable) {
        StringBuilder path = new StringBuilder("body");
        for (JsonMappingException.Reference reference : unreadable.getPath()) {
            path.append('.')
                    .append(
                            reference.getFieldName() != null
                                    ? reference.getFieldName()
                                    : String.valueOf(reference.getIndex()));
        }
        return path.toString();
    }

    private static ItemResult refused(int index, Item item, ProblemDetail problem) {
        return new ItemResult(index, item.type(), problem.getStatus(), item.target(), null, problem);
    }
}
