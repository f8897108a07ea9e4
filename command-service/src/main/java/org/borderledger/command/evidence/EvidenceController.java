package org.borderledger.command.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.borderledger.command.audit.AuditController;
import org.borderledger.evidence.SealSignatures;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditor's tamper evidence (role AUDITOR): the check since the last verified seal, the keys seals carry, and the
 * proofs of {@code contract/evidence.md} section 9, which a verifier checks without the export.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(name = AuditController.TAG, description = AuditController.TAG_DESCRIPTION)
public class EvidenceController {

    private static final String PROBLEM = "application/problem+json";

    private final TamperEvidence tamperEvidence;
    private final SealKeys sealKeys;
    private final EvidenceProofs proofs;

    EvidenceController(TamperEvidence tamperEvidence, SealKeys sealKeys, EvidenceProofs proofs) {
        this.tamperEvidence = tamperEvidence;
        this.sealKeys = sealKeys;
        this.proofs = proofs;
    }

    @GetMapping("/verify")
    @Operation(
            summary = "Check for tampering since the last verified seal: every later event's hash, each aggregate's"
                    + " sequence and hash links, the global chain against every later seal, and that the store still"
                    + " holds every sealed and published position; a full check from the first event is"
                    + " POST /api/admin/verifications")
    TamperEvidence.Verification verify() {
        return tamperEvidence.verify();
    }

    @GetMapping("/keys")
    @Operation(
            summary = "The public keys whose signatures on seals this service accepts, the signing key first"
                    + " (contract/evidence.md section 7.2)",
            description = "What the service says about itself: compare the key ids with the ones obtained out of band"
                    + " and pinned (section 7.3); never pin a key from here.")
    List<SealKeyView> keys() {
        return sealKeys.trusted().entrySet().stream()
                .map(key -> new SealKeyView(
                        key.getKey(), key.getKey().equals(sealKeys.keyId()), SealSignatures.pem(key.getValue())))
                .toList();
    }

    @GetMapping("/events/{position}/proof")
    @Operation(
            summary = "The event at a position with its inclusion proof against a seal: the RFC 9162 audit path from"
                    + " its Merkle leaf to the seal's signed Merkle root (contract/evidence.md section 9)",
            description =
                    "Check it offline: ledger-verify prove inclusion --pinned-keys KEYS proof.json. The leaves are"
                            + " every event the seal covers, in position order; building them reads the stored hash of each.")
    @ApiResponse(
            responseCode = "404",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)),
            description = "unknown-event: no event at the position; unknown-seal: no seal")
    @ApiResponse(
            responseCode = "409",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)),
            description = "seal-without-merkle-root: the seal predates Merkle roots, or none has one yet;"
                    + " event-not-yet-sealed: the event lies after the latest seal with a root")
    @ApiResponse(
            responseCode = "422",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)),
            description = "seal-before-position: the seal lies before the event; proof-too-large: the seal covers"
                    + " more events than one proof reads")
    @ApiResponse(
            responseCode = "503",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)),
            description = "Another proof is being built; Retry-After says when to ask again")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            type = "object",
                                            description =
                                                    "border-ledger/inclusion/v1: contract/schemas/evidence/inclusion-proof.json")))
    ResponseEntity<JsonNode> inclusionProof(
            @Parameter(description = "The event's position in the global order") @PathVariable long position,
            @Parameter(description = "The position of the seal to prove against; default the latest seal with a root")
                    @RequestParam(required = false)
                    Long seal) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(proofs.inclusion(position, seal));
    }

    @GetMapping("/seals/{position}/consistency")
    @Operation(
            summary = "The consistency proof that the ledger sealed at a position extends, unchanged, the ledger"
                    + " sealed at an earlier one: RFC 9162 between the two seals' Merkle trees (contract/evidence.md"
                    + " section 9)",
            description = "Check it offline: ledger-verify prove consistency --pinned-keys KEYS proof.json.")
    @ApiResponse(
            responseCode = "404",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)),
            description = "unknown-seal: no seal at position or at from")
    @ApiResponse(
            responseCode = "409",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)),
            description = "seal-without-merkle-root: a seal predates Merkle roots")
    @ApiResponse(
            responseCode = "422",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)),
            description = "seal-before-position: position lies before from; proof-too-large: the seal covers more"
                    + " events than one proof reads")
    @ApiResponse(
            responseCode = "503",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)),
            description = "Another proof is being built; Retry-After says when to ask again")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema =
                                    @Schema(
                                            type = "object",
                                            description =
                                                    "border-ledger/consistency/v1: contract/schemas/evidence/consistency-proof.json")))
    ResponseEntity<JsonNode> consistencyProof(
            @Parameter(description = "The later seal's position") @PathVariable long position,
            @Parameter(description = "The earlier seal's position, e.g. the seal kept from the last audit")
                    @RequestParam
                    long from) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(proofs.consistency(position, from));
    }

    @Schema(description = "A public seal key: its id (first 16 hex digits of the SHA-256 of its DER form) and PEM")
    record SealKeyView(String keyId, boolean signing, String publicKeyPem) {}
}
