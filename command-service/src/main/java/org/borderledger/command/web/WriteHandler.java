package org.borderledger.command.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import jakarta.validation.Valid;
import java.lang.reflect.Method;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The endpoint of one write: {@code POST} its path with its request body (read and validated by {@link WriteBodies} as
 * {@code @Valid @RequestBody} would), submitted as one write of its own; 201 with the aggregate id and position.
 */
@ResponseBody
final class WriteHandler {

    static final Method CREATING =
            ClassUtils.getMethod(WriteHandler.class, "create", Object.class, SubmissionContext.class);
    static final Method TARGETED =
            ClassUtils.getMethod(WriteHandler.class, "write", String.class, Object.class, SubmissionContext.class);

    private final Write<?> write;
    private final WritePath path;
    private final String tag;
    private final Submissions submissions;

    WriteHandler(Write<?> write, WritePath path, String tag, Submissions submissions) {
        this.write = write;
        this.path = path;
        this.tag = tag;
        this.submissions = submissions;
    }

    Write<?> write() {
        return write;
    }

    @ResponseStatus(HttpStatus.CREATED)
    public Accepted create(@Valid @Parameter(hidden = true) Object body, SubmissionContext context) {
        return submit(write, null, body, context);
    }

    @ResponseStatus(HttpStatus.CREATED)
    public Accepted write(
            @PathVariable String id, @Valid @Parameter(hidden = true) Object body, SubmissionContext context) {
        return submit(write, id, body, context);
    }

    private <R> Accepted submit(Write<R> write, String target, Object body, SubmissionContext context) {
        return submissions.submitOne(write, target, write.body().cast(body), context);
    }

    /** The operation as the API document shows it: its summary, its feature's tag and its request body's schema. */
    Operation document(Operation operation) {
        String type = write.type();
        return operation
                .summary(path.summary())
                .operationId(Character.toLowerCase(type.charAt(0)) + type.substring(1))
                .tags(List.of(tag))
                .requestBody(new RequestBody()
                        .required(true)
                        .content(new Content()
                                .addMediaType(
                                        org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                                        new MediaType()
                                                .schema(new Schema<>()
                                                        .$ref(write.body().getSimpleName())))));
    }
}
