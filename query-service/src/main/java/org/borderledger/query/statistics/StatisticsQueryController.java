package org.borderledger.query.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.borderledger.query.position.ReadPosition;
import org.borderledger.query.web.DateRange;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Statistics", description = "Programme figures over a date range")
class StatisticsQueryController {

    private final StatisticsViewRepository statistics;

    StatisticsQueryController(StatisticsViewRepository statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/statistics")
    @Operation(
            summary = "Remains, confirmed markers, trade, visitors and agreements in force between from and to",
            description = "Both days included. Indicators count with their corrected value when their whole period lies"
                    + " inside the range; markers by confirmation date; remains by the date of each recovery or"
                    + " repatriation; agreements whose validity (cut short by termination) overlaps the range.")
    StatisticsView statistics(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestAttribute(ReadPosition.ATTRIBUTE) long position) {
        DateRange.require(from, to);
        return statistics.between(from, to, position);
    }
}
