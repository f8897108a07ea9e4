package org.borderledger.query.indicator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import org.borderledger.events.indicator.IndicatorKind;
import org.borderledger.query.position.ReadPosition;
import org.borderledger.query.web.InvalidParameter;
import org.borderledger.query.web.ListPage;
import org.borderledger.query.web.Positioned;
import org.borderledger.query.web.UnknownId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/indicators")
@Tag(name = "Indicators", description = "Trade and visitor figures, current values with their corrections")
class IndicatorQueryController {

    private final IndicatorViewRepository views;

    IndicatorQueryController(IndicatorViewRepository views) {
        this.views = views;
    }

    @GetMapping
    @Operation(
            summary = "List indicators ordered by id",
            description = "kind filters the kind; from/to keep indicators whose period lies inside [from, to]")
    ListPage<IndicatorView> list(
            @RequestParam(required = false) IndicatorKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = ListPage.DEFAULT_SIZE) @Min(1) @Max(ListPage.MAX_SIZE) int size,
            @RequestAttribute(ReadPosition.ATTRIBUTE) long position) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameter(
                    List.of("from", "to"),
                    "from-after-to",
                    "'from' (" + from + ") is after 'to' (" + to + ")",
                    from,
                    to);
        }
        var filter = new IndicatorViewRepository.Filter(kind, from, to);
        return new ListPage<>(
                views.list(filter, size, ListPage.offset(page, size)), page, size, views.count(filter), position);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One indicator with the values its corrections superseded")
    Positioned<IndicatorView> one(@PathVariable String id, @RequestAttribute(ReadPosition.ATTRIBUTE) long position) {
        return views.find(id)
                .map(view -> new Positioned<>(view, position))
                .orElseThrow(() -> new UnknownId("indicator", id));
    }
}
