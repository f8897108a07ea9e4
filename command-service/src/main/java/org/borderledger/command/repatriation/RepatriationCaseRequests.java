package org.borderledger.command.repatriation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import org.borderledger.command.Submitter;
import org.borderledger.command.repatriation.RepatriationCaseCommands.OpenRepatriationCase;
import org.borderledger.command.repatriation.RepatriationCaseCommands.RecordRemainsRecovery;
import org.borderledger.command.repatriation.RepatriationCaseCommands.RecordRepatriation;
import org.borderledger.command.web.BusinessDate;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.Text;
import org.borderledger.events.FieldLimits;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.repatriation.RecoverySite;

/** The request bodies of the writes to a repatriation case, as records validated before anything is submitted. */
final class RepatriationCaseRequests {

    private RepatriationCaseRequests() {}

    /**
     * A search case for one season ({@code 2013-2014}). {@code id} may be left out (one is generated);
     * {@code searchingUnit} defaults to the submitting unit.
     */
    record OpenRepatriationCaseRequest(
            @Pattern(regexp = Ids.PATTERN) String id,
            @NotBlank @Pattern(regexp = "[0-9]{4}-[0-9]{4}") String season,
            @NotBlank @Pattern(regexp = Ids.PROVINCE) String searchProvince,
            @Text(max = FieldLimits.UNIT) String searchingUnit) {

        OpenRepatriationCase command(String aggregateId, Submitter submitter) {
            return new OpenRepatriationCase(aggregateId, season, searchProvince, searchingUnit, submitter);
        }

        int seasonEndYear() {
            return Integer.parseInt(season.substring(5));
        }
    }

    record RecordRemainsRecoveryRequest(
            @NotNull @PastOrPresent @BusinessDate LocalDate recoveredOn,
            @NotNull @Positive Integer count,
            @NotNull @Valid RecoverySiteRequest site) {

        RecordRemainsRecovery command(String aggregateId, Submitter submitter) {
            return new RecordRemainsRecovery(aggregateId, recoveredOn, count, site.toSite(), submitter);
        }
    }

    /** Where remains were found; the WGS84 point is optional but comes whole (lat and lon) or not at all. */
    record RecoverySiteRequest(
            @NotBlank @Pattern(regexp = Ids.PROVINCE) String province,
            @Text(max = FieldLimits.NAME) String district,
            @Text(max = FieldLimits.NAME) String commune,
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lon) {

        @AssertTrue(message = "{org.borderledger.command.repatriation.point.message}")
        boolean isPointWhole() {
            return (lat == null) == (lon == null);
        }

        RecoverySite toSite() {
            return new RecoverySite(province, district, commune, lat == null ? null : new GeoPoint(lat, lon));
        }
    }

    record RecordRepatriationRequest(
            @NotNull @PastOrPresent @BusinessDate LocalDate repatriatedOn,
            @NotNull @Positive Integer count,
            @Text(max = FieldLimits.BORDER_GATE) String borderGate,
            @Text(max = FieldLimits.NAME) String receivingUnit) {

        RecordRepatriation command(String aggregateId, Submitter submitter) {
            return new RecordRepatriation(aggregateId, repatriatedOn, count, borderGate, receivingUnit, submitter);
        }
    }
}
