package org.borderledger.command.repatriation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.borderledger.command.Submitter;
import org.borderledger.command.web.Ids;
import org.borderledger.command.web.Text;
import org.borderledger.command.web.Write;
import org.borderledger.command.web.WritePath;
import org.borderledger.events.FieldLimits;

/**
 * A search case for one season ({@code 2013-2014}). {@code id} may be left out (one is generated);
 * {@code searchingUnit} defaults to the submitting unit.
 */
@WritePath(value = "", summary = "Open a remains search case for a season")
record OpenRepatriationCaseRequest(
        @Pattern(regexp = Ids.PATTERN) String id,
        @NotBlank @Pattern(regexp = "[0-9]{4}-[0-9]{4}") String season,
        @NotBlank @Pattern(regexp = Ids.PROVINCE) String searchProvince,
        @Text(max = FieldLimits.UNIT) String searchingUnit)
        implements Write.Request {

    @Override
    public OpenRepatriationCase command(String aggregateId, Submitter submitter) {
        return new OpenRepatriationCase(aggregateId, season, searchProvince, searchingUnit, submitter);
    }

    int seasonEndYear() {
        return Integer.parseInt(season.substring(5));
    }
}
