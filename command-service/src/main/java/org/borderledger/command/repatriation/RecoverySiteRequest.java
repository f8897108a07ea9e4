package org.borderledger.command.repatriation;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.Text;
import org.borderledger.events.FieldLimits;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.repatriation.RecoverySite;

/** Where remains were found; the WGS84 point is optional but comes whole (lat and lon) or not at all. */
record RecoverySiteRequest(
        @NotBlank @Pattern(regexp = Ids.PROVINCE) String province,
        @Text(max = FieldLimits.NAME) String district,
        @Text(max = FieldLimits.NAME) String commune,
        @DecimalMin("-90") @DecimalMax("90") Double lat,
        @DecimalMin("-180") @DecimalMax("180") Double lon) {

    @AssertTrue(message = "lat and lon go together")
    boolean isPointWhole() {
        return (lat == null) == (lon == null);
    }

    RecoverySite toSite() {
        return new RecoverySite(province, district, commune, lat == null ? null : new GeoPoint(lat, lon));
    }
}
