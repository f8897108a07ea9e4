package org.borderledger.query.fact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.borderledger.query.position.ReadPosition;
import org.borderledger.query.web.DateRange;
import org.borderledger.query.web.ListPage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Facts", description = "Recorded facts with who submitted them and when, for any authenticated role")
record FactQueryController(FactLineRepository lines, FigureFactRepository figures) {

    @GetMapping("/api/figures/{figure}/facts")
    @Operation(
            summary = "The facts that make up one figure of /api/statistics between from and to",
            description = "Selected by the rules the figure is computed by: remains and markers by business date,"
                    + " indicators whose whole period lies inside the range (the report and its corrections, each with"
                    + " the value it superseded), agreements whose validity overlaps the range; in global order")
    ListPage<FactLine> figure(
            @PathVariable Figure figure,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = ListPage.DEFAULT_SIZE) @Min(1) @Max(ListPage.MAX_SIZE) int size,
            @RequestAttribute(ReadPosition.ATTRIBUTE) long position) {
        DateRange.require(from, to);
        return new ListPage<>(
                figures.of(figure, from, to, size, ListPage.offset(page, size)),
                page,
                size,
                figures.count(figure, from, to),
                position);
    }

    @GetMapping("/api/facts")
    @Operation(
            summary = "One aggregate's facts in the order they happened to it (its timeline)",
            description = "Each fact with its position, business date, amount (and the amount a correction"
                    + " superseded), submitter, unit, side, province, recording time and payload")
    ListPage<FactLine> timeline(
            @RequestParam String aggregateId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = ListPage.DEFAULT_SIZE) @Min(1) @Max(ListPage.MAX_SIZE) int size,
            @RequestAttribute(ReadPosition.ATTRIBUTE) long position) {
        return new ListPage<>(
                lines.timeline(aggregateId, size, ListPage.offset(page, size)),
                page,
                size,
                lines.count(aggregateId),
                position);
    }
}
