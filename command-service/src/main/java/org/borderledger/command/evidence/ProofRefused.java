package org.borderledger.command.evidence;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A proof that cannot be given as asked: a problem+json 4xx of a stable type, naming the request field at fault. */
class ProofRefused extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String field;

    private ProofRefused(HttpStatus status, String type, String field, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.field = field;
    }

    static ProofRefused noEvent(long position) {
        return new ProofRefused(
                HttpStatus.NOT_FOUND, "unknown-event", "position", "No event is stored at position " + position + ".");
    }

    static ProofRefused noSeal(String field, long position) {
        return new ProofRefused(
                HttpStatus.NOT_FOUND, "unknown-seal", field, "No seal is stored at position " + position + ".");
    }

    static ProofRefused noRootedSeal() {
        return new ProofRefused(
                HttpStatus.CONFLICT,
                "seal-without-merkle-root",
                "seal",
                "No seal carries a Merkle root yet; ask again after the next seal.");
    }

    static ProofRefused withoutRoot(String field, long position) {
        return new ProofRefused(
                HttpStatus.CONFLICT,
                "seal-without-merkle-root",
                field,
                "The seal at position " + position + " was made before seals carried a Merkle root: it proves no"
                        + " inclusion or consistency; name a later seal.");
    }

    static ProofRefused notYetSealed(long position, long sealPosition) {
        return new ProofRefused(
                HttpStatus.CONFLICT,
                "event-not-yet-sealed",
                "position",
                "The event at position " + position + " lies after the latest seal with a Merkle root (position "
                        + sealPosition + "); ask again after the next seal.");
    }

    static ProofRefused sealBefore(String field, long sealPosition, String otherField, long position) {
        return new ProofRefused(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "seal-before-position",
                field,
                "The seal at position " + sealPosition + " lies before the " + otherField + " " + position
                        + ": it cannot cover it.");
    }

    static ProofRefused tooLarge(String field, long sealPosition, int maxLeaves) {
        return new ProofRefused(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "proof-too-large",
                field,
                "The seal at position " + sealPosition + " covers more than " + maxLeaves
                        + " events, more than one proof may read (ledger.audit.proof.max-events).");
    }

    static ProofRefused storeDiffers(String field, long sealPosition) {
        return new ProofRefused(
                HttpStatus.CONFLICT,
                "seal-does-not-match-store",
                field,
                "The stored events up to position " + sealPosition + " are not the ones its seal sealed: the store"
                        + " was changed; GET /api/audit/verify shows where.");
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    List<String> fields() {
        return List.of(field);
    }
}
