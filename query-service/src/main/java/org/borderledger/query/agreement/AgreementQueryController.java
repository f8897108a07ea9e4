package org.borderledger.query.agreement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
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
@RequestMapping("/api/agreements")
@Tag(name = "Agreements", description = "Cooperation agreements as they stand")
class AgreementQueryController {

    private final AgreementViewRepository views;
    private final Clock clock;

    AgreementQueryController(AgreementViewRepository views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary = "List agreements ordered by id",
            description = "status EXPIRED is derived when read: not terminated and validTo before today (UTC)")
    ListPage<AgreementView> list(
            @RequestParam(required = false) AgreementStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = ListPage.DEFAULT_SIZE) @Min(1) @Max(ListPage.MAX_SIZE) int size,
            @RequestAttribute(ReadPosition.ATTRIBUTE) long position) {
        LocalDate today = LocalDate.now(clock);
        return new ListPage<>(
                views.list(status, today, size, ListPage.offset(page, size)),
                page,
                size,
                views.count(status, today),
                position);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One agreement with its reviews and amendments")
    Positioned<AgreementView> one(@PathVariable String id, @RequestAttribute(ReadPosition.ATTRIBUTE) long position) {
        return views.find(id, LocalDate.now(clock))
                .map(view -> new Positioned<>(view, position))
                .orElseThrow(() -> new UnknownId("agreement", id));
    }
}
