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
                    copy(e, "type responsibleSide"),
                    "id",
                    e.markerId(),
                    "plannedLat",
                    e.plannedPoint().lat(),
                    "plannedLon",
                    e.plannedPoint().lon());
        } else if (event instanceof MarkerCompletionReported e) {
            return write(
                    marker(e.markerId(), "completion-reports"),
                    copy(e, "completedOn"),
                    "lat",
                    e.surveyedPoint().lat(),
                    "lon",
                    e.surveyedPoint().lon());
        } else if (event instanceof MarkerCompleted e) {
            return write(marker(e.markerId(), "confirmations"), copy(e, "confirmedOn"));
        } else if (event instanceof MarkerDamaged e) {
            return write(marker(e.markerId(), "damage-reports"), copy(e, "damagedOn description"));
        } else if (event instanceof MarkerRepaired e) {
            return write(marker(e.markerId(), "repairs"), copy(e, "repairedOn description"));
        } else if (event instanceof RepatriationCaseOpened e) {
            return write("/api/repatriation-cases", copy(e, "season searchProvince searchingUnit"), "id", e.caseId());
        } else if (event instanceof RemainsRecovered e) {
            Map<String, Object> site = copy(e.site(), "province district commune");
            site.put("lat", e.site().point().lat());
            site.put("lon", e.site().point().lon());
            return write(repatriationCase(e.caseId(), "recoveries"), copy(e, "recoveredOn count"), "site", site);
        } else if (event instanceof RemainsRepatriated e) {
            return write(
                    repatriationCase(e.caseId(), "repatriations"),
                    copy(e, "repatriatedOn count borderGate receivingUnit"));
        } else if (event instanceof IndicatorReported e) {
            return write(
                    "/api/indicators",
                    copy(e, "indicator periodFrom periodTo value borderGate source"),
                    "id",
                    e.indicatorId());
        } else if (event instanceof IndicatorCorrected e) {
            return write("/api/indicators/" + encode(e.indicatorId()) + "/corrections", copy(e, "value reason"));
        } else if (event instanceof AgreementSigned e) {
            return write(
                    "/api/agreements",
                    copy(e, "title parties signedOn place documentRef signatories domains validFrom validTo"),
                    "id",
                    e.agreementId());
        } else if (event instanceof AgreementReviewed e) {
            return write(agreement(e.agreementId(), "reviews"), copy(e, "reviewedOn periodFrom periodTo summary"));
        } else if (event instanceof AgreementAmended e) {
            return write(
                    agreement(e.agreementId(), "amendments"), copy(e, "amendedOn summary domains validTo documentRef"));
        } else if (event instanceof AgreementTerminated e) {
            return write(agreement(e.agreementId(), "termination"), copy(e, "terminatedOn reason"));
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

    private static String repatriationCase(String id, String action) {
        return "/api/repatriation-cases/" + encode(id) + "/" + action;
    }

    private static String agreement(String id, String action) {
        return "/api/agreements/" + encode(id) + "/" + action;
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    /** {@code body} with {@code more} (name, value, name, value, …) added, as JSON. */
    private static Write write(String path, Map<String, Object> body, Object... more) {
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        try {
            return new Write(path, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fields {@code names} (space-separated) of {@code record}, under the same names, in that order. */
    private static Map<String, Object> copy(Record record, String names) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : names.split(" ")) {
            try {
                fields.put(name, record.getClass().getMethod(name).invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(record.getClass().getSimpleName() + " has no field " + name, e);
            }
        }
        return fields;
    }
}
