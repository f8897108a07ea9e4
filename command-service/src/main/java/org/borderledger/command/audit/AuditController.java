package org.borderledger.command.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.borderledger.security.LedgerPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The auditor's read API over the event store itself (role AUDITOR): history and past states; the tamper evidence is
 * {@link EvidenceController}'s.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = AuditController.TAG, description = AuditController.TAG_DESCRIPTION)
public class AuditController {

    public static final String TAG = "audit";
    public static final String TAG_DESCRIPTION = "The recorded history itself, for auditors";
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    @Schema(description = "A page of events in global order; next is the afterPosition of the next page, or null")
    record EventPage(List<AuditedEvent> events, String next) {}

    @Schema(description = "Every event of one aggregate in sequence order")
    record AggregateHistory(String aggregateId, String aggregateType, List<AuditedEvent> events) {}

    private final EventLogRepository log;
    private final AggregateStates states;
    private final EventExport export;
    private final AuditQueries queries;
    private final Clock clock;

    AuditController(
            EventLogRepository log, AggregateStates states, EventExport export, AuditQueries queries, Clock clock) {
        this.log = log;
        this.states = states;
        this.export = export;
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/events")
    @Operation(
            summary = "Every recorded event in global order, filtered; paged as JSON, or all of them streamed as"
                    + " NDJSON with Accept: application/x-ndjson",
            description = "Without filters (afterPosition aside) the stream is an export (contract/evidence.md section"
                    + " 8): each seal follows as {\"seal\":{…}} right after the event at its position, and a complete"
                    + " export ends with {\"end\":{\"eventCount\":…,\"lastPosition\":…,\"lastSeal\":{…}}}."
                    + " A stream runs for at most ledger.audit.stream.max-duration; then its last line is"
                    + " {\"incomplete\":{\"reason\":…,\"resumeAfterPosition\":N}}: ask again with afterPosition=N."
                    + " At most ledger.audit.stream.max-concurrent streams run at once, max-concurrent-per-subject of"
                    + " one token; beyond that 503 (or 429 for the token's own share) with Retry-After. Pages run on"
                    + " the audit queries' own connections, as many at once as ledger.audit.query bounds.")
    @ApiResponse(
            responseCode = "503",
            description = "Every stream or query slot is taken; Retry-After says when to ask again")
    @ApiResponse(
            responseCode = "429",
            description = "This token holds its share of streams or queries; Retry-After says when to ask again")
    @ApiResponse(
            responseCode = "200",
            content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = EventPage.class)),
                @Content(mediaType = "application/x-ndjson", schema = @Schema(implementation = AuditedEvent.class))
            })
    ResponseEntity<StreamingResponseBody> events(
            @Parameter(description = "Only this aggregate's events") @RequestParam(required = false) String aggregateId,
            @Parameter(description = "Only events of this type, e.g. MarkerCompleted") @RequestParam(required = false)
                    String type,
            @Parameter(description = "Only events submitted by this unit") @RequestParam(required = false) String unit,
            @Parameter(description = "Recorded at or after this instant (ISO-8601)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @Parameter(description = "Recorded before this instant (ISO-8601)")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to,
            @Parameter(description = "Only events after this position (the next of the previous page)")
                    @RequestParam(required = false)
                    Long afterPosition,
            @Parameter(description = "Page size, 1 to 1000 (JSON only; NDJSON streams every match)")
                    @RequestParam(defaultValue = "" + DEFAULT_LIMIT)
                    int limit,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) LedgerPrincipal principal) {
        EventQuery query =
                new EventQuery(blankToNull(aggregateId), blankToNull(type), blankToNull(unit), from, to, afterPosition);
        if (wantsNdjson(accept)) {
            return ResponseEntity.ok().contentType(NDJSON).body(export.ndjson(query, principal.subject()));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidAuditQuery("limit", "must be between 1 and " + MAX_LIMIT);
        }
        List<AuditedEvent> page = queries.run(
                principal.subject(),
                () -> log.read(
                        query,
                        events -> events.limit(limit + 1L).map(AuditedEvent::of).toList()));
        EventPage body = page.size() > limit
                ? new EventPage(
                        page.subList(0, limit),
                        Long.toString(page.get(limit - 1).position()))
                : new EventPage(page, null);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(export.json(body));
    }

    @GetMapping("/aggregates/{id}/history")
    @Operation(summary = "Every event of one aggregate in order, with its metadata and hash")
    AggregateHistory history(@PathVariable String id, @Parameter(hidden = true) LedgerPrincipal principal) {
        List<AuditedEvent> events = queries.run(principal.subject(), () -> log.history(id)).stream()
                .map(AuditedEvent::of)
                .toList();
        if (events.isEmpty()) {
            throw new NothingRecorded(id);
        }
        return new AggregateHistory(id, events.get(0).aggregateType(), events);
    }

    @GetMapping("/aggregates/{id}/state")
    @Operation(summary = "An aggregate's state rebuilt from the events recorded up to asOf (default: now)")
    AggregateStates.AsOf state(
            @PathVariable String id,
            @Parameter(description = "ISO-8601 instant; events recorded after it are left out")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant asOf,
            @Parameter(hidden = true) LedgerPrincipal principal) {
        Instant instant = asOf == null ? clock.instant() : asOf;
        return queries.run(principal.subject(), () -> states.asOf(id, instant))
                .orElseThrow(() -> new NothingRecorded(id, instant));
    }

    private static boolean wantsNdjson(String accept) {
        if (accept == null) {
            return false;
        }
        return MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.equalsTypeAndSubtype(NDJSON) && type.getQualityValue() > 0);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
