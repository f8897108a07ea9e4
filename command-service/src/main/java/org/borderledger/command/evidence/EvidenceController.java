package org.borderledger.command.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.borderledger.command.audit.AuditController;
import org.borderledger.evidence.SealSignatures;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's tamper evidence (role AUDITOR): the check since the last verified seal, and the keys seals carry. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = AuditController.TAG, description = AuditController.TAG_DESCRIPTION)
public class EvidenceController {

    private final TamperEvidence tamperEvidence;
    private final SealKeys sealKeys;

    EvidenceController(TamperEvidence tamperEvidence, SealKeys sealKeys) {
        this.tamperEvidence = tamperEvidence;
        this.sealKeys = sealKeys;
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
            summary = "The public keys whose signatures on seals this service accepts, the signing key first",
            description = "For the offline check (ledger-verify). Compare the key id with the one the ledger's operator"
                    + " published: a key fetched from the service itself only proves what the service says.")
    List<SealKeyView> keys() {
        return sealKeys.trusted().entrySet().stream()
                .map(key -> new SealKeyView(
                        key.getKey(), key.getKey().equals(sealKeys.keyId()), SealSignatures.pem(key.getValue())))
                .toList();
    }

    @Schema(description = "A public seal key: its id (first 16 hex digits of the SHA-256 of its DER form) and PEM")
    record SealKeyView(String keyId, boolean signing, String publicKeyPem) {}
}
