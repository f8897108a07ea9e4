package org.borderledger.query.repatriation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.borderledger.query.position.ReadPosition;
import org.borderledger.query.web.ListPage;
import org.borderledger.query.web.Positioned;
import org.borderledger.query.web.UnknownId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/repatriation-cases")
@Tag(name = "Repatriation cases", description = "Searches for remains: recoveries, repatriations, what remains")
class RepatriationCaseQueryController {

    private final RepatriationCaseViewRepository views;

    RepatriationCaseQueryController(RepatriationCaseViewRepository views) {
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "List repatriation cases ordered by id, with their lines")
    ListPage<RepatriationCaseView> list(
            @RequestParam(required = false) String season,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = ListPage.DEFAULT_SIZE) @Min(1) @Max(ListPage.MAX_SIZE) int size,
            @RequestAttribute(ReadPosition.ATTRIBUTE) long position) {
        return new ListPage<>(
                views.list(season, size, ListPage.offset(page, size)), page, size, views.count(season), position);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One repatriation case with its recovery and repatriation lines")
    Positioned<RepatriationCaseView> one(
            @PathVariable String id, @RequestAttribute(ReadPosition.ATTRIBUTE) long position) {
        return views.find(id)
                .map(view -> new Positioned<>(view, position))
                .orElseThrow(() -> new UnknownId("repatriation case", id));
    }
}
