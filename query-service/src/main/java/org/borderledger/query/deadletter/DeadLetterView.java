package org.borderledger.query.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.borderledger.codec.RecordRejection;

/** A dead letter as the admin API shows it. */
record DeadLetterView(
        long id,
        DeadLetter.Status status,
        @Schema(description = "what the record is ordered with: the aggregate id it claims") String sequence,
        RecordRejection.Kind kind,
        String reason,
        String topic,
        int partition,
        long offset,
        String key,
        @Schema(description = "ce_id header, as the record claims it") String eventId,
        @Schema(description = "ce_type header, as the record claims it") String eventType,
        @Schema(description = "ce_aggregatesequence header, as the record claims it") Long claimedSequence,
        @Schema(description = "every header; values as UTF-8 text, or base64: when they are not text")
                Map<String, String> headers,
        @Schema(description = "the record's value as UTF-8 text (the event's JSON), or base64: when it is not text")
                String payload,
        int attempts,
        Instant parkedAt,
        Instant lastAttemptAt,
        Instant discardedAt,
        String discardedBy,
        String discardReason) {

    static DeadLetterView of(DeadLetter letter) {
        Map<String, String> headers = new LinkedHashMap<>();
        letter.record()
                .headers()
                .forEach(header ->
                        headers.merge(header.name(), text(header.value()), (first, second) -> first + ", " + second));
        return new DeadLetterView(
                letter.id(),
                letter.status(),
                letter.sequenceId(),
                letter.kind(),
                letter.reason(),
                letter.record().topic(),
                letter.record().partition(),
                letter.record().offset(),
                letter.record().key(),
                letter.eventId(),
                letter.eventType(),
                letter.claimedSequence(),
                headers,
                text(letter.record().value()),
                letter.attempts(),
                letter.parkedAt(),
                letter.lastAttemptAt(),
                letter.discardedAt(),
                letter.discardedBy(),
                letter.discardReason());
    }

    private static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(bytes);
        }
    }
}
