package org.borderledger.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.borderledger.codec.LedgerSerializer;
import org.borderledger.events.agreement.AgreementAmended;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.AgreementTerminated;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerRepaired;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;

/** The command-service write (path and JSON body, requests.http shapes) that causes each generated fact. */
final class HttpWrites {

    /** A write to send: {@code POST path} with {@code body}. */
    record Write(String path, String body) {}

    private static final ObjectMapper json = LedgerSerializer.objectMapper();

    private HttpWrites() {}

    static Write of(Step step) {
        Object event = step.event();
        if (event instanceof MarkerPlanned e) {
            return write(
                    "/api/markers",
                    "id",
                    e.markerId(),
                    "type",
                    e.type(),
                    "plannedLat",
                    e.plannedPoint().lat(),
                    "plannedLon",
                    e.plannedPoint().lon(),
                    "responsibleSide",
                    e.responsibleSide());
        } else if (event instanceof MarkerCompletionReported e) {
            return write(
                    marker(e.markerId(), "completion-reports"),
                    "completedOn",
                    e.completedOn(),
                    "lat",
                    e.surveyedPoint().lat(),
                    "lon",
                    e.surveyedPoint().lon());
        } else if (event instanceof MarkerCompleted e) {
            return write(marker(e.markerId(), "confirmations"), "confirmedOn", e.confirmedOn());
        } else if (event instanceof MarkerDamaged e) {
            return write(
                    marker(e.markerId(), "damage-reports"), "damagedOn", e.damagedOn(), "description", e.description());
        } else if (event instanceof MarkerRepaired e) {
            return write(marker(e.markerId(), "repairs"), "repairedOn", e.repairedOn(), "description", e.description());
        } else if (event instanceof RepatriationCaseOpened e) {
            return write(
                    "/api/repatriation-cases",
                    "id",
                    e.caseId(),
                    "season",
                    e.season(),
                    "searchProvince",
                    e.searchProvince(),
                    "searchingUnit",
                    e.searchingUnit());
        } else if (event instanceof RemainsRecovered e) {
            Map<String, Object> site = map(
                    "province",
                    e.site().province(),
                    "district",
                    e.site().district(),
                    "commune",
                    e.site().commune(),
                    "lat",
                    e.site().point().lat(),
                    "lon",
                    e.site().point().lon());
            return write(
                    "/api/repatriation-cases/" + encode(e.caseId()) + "/recoveries",
                    "recoveredOn",
                    e.recoveredOn(),
                    "count",
                    e.count(),
                    "site",
                    site);
        } else if (event instanceof RemainsRepatriated e) {
            return write(
                    "/api/repatriation-cases/" + encode(e.caseId()) + "/repatriations",
                    "repatriatedOn",
                    e.repatriatedOn(),
                    "count",
                    e.count(),
                    "borderGate",
                    e.borderGate(),
                    "receivingUnit",
                    e.receivingUnit());
        } else if (event instanceof IndicatorReported e) {
            return write(
                    "/api/indicators",
                    "id",
                    e.indicatorId(),
                    "indicator",
                    e.indicator(),
                    "periodFrom",
                    e.periodFrom(),
                    "periodTo",
                    e.periodTo(),
                    "value",
                    e.value(),
                    "borderGate",
                    e.borderGate(),
                    "source",
                    e.source());
        } else if (event instanceof IndicatorCorrected e) {
            return write(
                    "/api/indicators/" + encode(e.indicatorId()) + "/corrections",
                    "value",
                    e.value(),
                    "reason",
                    e.reason());
        } else if (event instanceof AgreementSigned e) {
            return write(
                    "/api/agreements",
                    "id",
                    e.agreementId(),
                    "title",
                    e.title(),
                    "parties",
                    e.parties(),
                    "signedOn",
                    e.signedOn(),
                    "place",
                    e.place(),
                    "documentRef",
                    e.documentRef(),
                    "signatories",
                    e.signatories(),
                    "domains",
                    e.domains(),
                    "validFrom",
                    e.validFrom(),
                    "validTo",
                    e.validTo());
        } else if (event instanceof AgreementReviewed e) {
            return write(
                    agreement(e.agreementId(), "reviews"),
                    "reviewedOn",
                    e.reviewedOn(),
                    "periodFrom",
                    e.periodFrom(),
                    "periodTo",
                    e.periodTo(),
                    "summary",
                    e.summary());
        } else if (event instanceof AgreementAmended e) {
            return write(
                    agreement(e.agreementId(), "amendments"),
                    "amendedOn",
                    e.amendedOn(),
                    "summary",
                    e.summary(),
                    "domains",
                    e.domains(),
                    "validTo",
                    e.validTo(),
                    "documentRef",
                    e.documentRef());
        } else if (event instanceof AgreementTerminated e) {
            return write(
                    agreement(e.agreementId(), "termination"), "terminatedOn", e.terminatedOn(), "reason", e.reason());
        }
        throw new IllegalArgumentException("No write causes " + event.getClass().getSimpleName());
    }

    /** The query-service read of the step's aggregate by id. */
    static String readPath(Step step) {
        String collection =
                switch (step.aggregateType()) {
                    case Histories.MARKER -> "markers";
                    case Histories.CASE -> "repatriation-cases";
                    case Histories.INDICATOR -> "indicators";
                    default -> "agreements";
                };
        return "/api/" + collection + "/" + encode(step.aggregateId());
    }

    private static String marker(String id, String action) {
        return "/api/markers/" + encode(id) + "/" + action;
    }

    private static String agreement(String id, String action) {
        return "/api/agreements/" + encode(id) + "/" + action;
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static Write write(String path, Object... fields) {
        try {
            return new Write(path, json.writeValueAsString(map(fields)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> map(Object... fields) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put((String) fields[i], fields[i + 1]);
        }
        return map;
    }
}
