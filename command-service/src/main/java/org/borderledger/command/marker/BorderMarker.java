package org.borderledger.command.marker;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.borderledger.command.Submitter;
import org.borderledger.command.marker.MarkerCommands.ConfirmMarkerCompletion;
import org.borderledger.command.marker.MarkerCommands.PlanMarker;
import org.borderledger.command.marker.MarkerCommands.RecordMarkerRepair;
import org.borderledger.command.marker.MarkerCommands.ReportMarkerCompletion;
import org.borderledger.command.marker.MarkerCommands.ReportMarkerDamage;
import org.borderledger.command.marker.MarkerRefusals.CompletionAlreadyReported;
import org.borderledger.command.marker.MarkerRefusals.CompletionNotReported;
import org.borderledger.command.marker.MarkerRefusals.CompletionReportFromOtherSide;
import org.borderledger.command.marker.MarkerRefusals.ConfirmationBeforeCompletion;
import org.borderledger.command.marker.MarkerRefusals.ConfirmationFromSameSide;
import org.borderledger.command.marker.MarkerRefusals.MarkerAlreadyCompleted;
import org.borderledger.command.marker.MarkerRefusals.MarkerAlreadyDamaged;
import org.borderledger.command.marker.MarkerRefusals.MarkerNotCompleted;
import org.borderledger.command.marker.MarkerRefusals.MarkerNotDamaged;
import org.borderledger.command.marker.MarkerRefusals.MarkerOfAnotherProvince;
import org.borderledger.command.marker.MarkerRefusals.PlanFromOtherSide;
import org.borderledger.command.marker.MarkerRefusals.RepairBeforeDamage;
import org.borderledger.command.province.EffectiveProvinces;
import org.borderledger.command.province.ProvinceRules;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.ProvinceRegister;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerRepaired;

/**
 * One border marker. The responsible side plans it and reports it built; only the other side's confirmation completes
 * it, once. A completed marker may then be damaged and repaired any number of times: damage is reported by a unit of
 * the province that planned it or of the province that confirmed it, a repair by a unit of the province that planned
 * it. Each handler checks who may act first, then the marker's state, then the dates. A unit of a province that ended
 * records nothing dated after the end; a unit of the province that continues it (the An Giang of 2025 for Kiên Giang)
 * acts for it, its facts marked as recorded by the successor.
 */
@Aggregate(cache = "markerCache", snapshotTriggerDefinition = "snapshotTrigger")
class BorderMarker {

    private enum Status {
        PLANNED,
        REPORTED,
        COMPLETED,
        DAMAGED,
        REPAIRED
    }

    @AggregateIdentifier
    private String markerId;

    private Side responsibleSide;
    private String plannedByProvince;
    private String confirmedByProvince;
    private Status status;
    private LocalDate reportedCompletedOn;
    private LocalDate damagedOn;

    /** For Axon, which rebuilds the marker from its events. */
    BorderMarker() {}

    @CommandHandler
    BorderMarker(PlanMarker command) {
        Side side = command.submittedBy().side();
        if (side != command.responsibleSide()) {
            throw new PlanFromOtherSide(command.markerId(), command.responsibleSide(), side);
        }
        apply(
                new MarkerPlanned(
                        command.markerId(), command.type(), command.plannedPoint(), command.responsibleSide()),
                provinceOf(command.submittedBy()));
    }

    @CommandHandler
    void handle(ReportMarkerCompletion command, EffectiveProvinces provinces) {
        ProvinceRules.requireNotEnded(provinces.current(), command.submittedBy(), command.completedOn(), "completedOn");
        Side side = command.submittedBy().side();
        if (side != responsibleSide) {
            throw new CompletionReportFromOtherSide(markerId, responsibleSide, side);
        }
        if (isCompleted()) {
            throw new MarkerAlreadyCompleted(markerId);
        }
        if (status == Status.REPORTED) {
            throw new CompletionAlreadyReported(markerId, reportedCompletedOn);
        }
        apply(new MarkerCompletionReported(markerId, command.completedOn(), command.surveyedPoint(), side));
    }

    @CommandHandler
    void handle(ConfirmMarkerCompletion command, EffectiveProvinces provinces) {
        ProvinceRules.requireNotEnded(provinces.current(), command.submittedBy(), command.confirmedOn(), "confirmedOn");
        Side side = command.submittedBy().side();
        if (side == responsibleSide) {
            throw new ConfirmationFromSameSide(markerId, side);
        }
        if (isCompleted()) {
            throw new MarkerAlreadyCompleted(markerId);
        }
        if (status != Status.REPORTED) {
            throw new CompletionNotReported(markerId);
        }
        if (command.confirmedOn().isBefore(reportedCompletedOn)) {
            throw new ConfirmationBeforeCompletion(markerId, command.confirmedOn(), reportedCompletedOn);
        }
        apply(new MarkerCompleted(markerId, command.confirmedOn(), side), provinceOf(command.submittedBy()));
    }

    @CommandHandler
    void handle(ReportMarkerDamage command, EffectiveProvinces provinces) {
        ProvinceRegister register = provinces.current();
        ProvinceRules.requireNotEnded(register, command.submittedBy(), command.damagedOn(), "damagedOn");
        List<String> entitled = Stream.of(plannedByProvince, confirmedByProvince)
                .filter(Objects::nonNull)
                .toList();
        String province = command.submittedBy().province();
        String actingFor = ProvinceRules.actingFor(register, command.submittedBy(), entitled)
                .orElseThrow(() -> new MarkerOfAnotherProvince(markerId, province, entitled));
        if (status == Status.DAMAGED) {
            throw new MarkerAlreadyDamaged(markerId, damagedOn);
        }
        if (!isCompleted()) {
            throw new MarkerNotCompleted(markerId);
        }
        apply(
                new MarkerDamaged(markerId, command.damagedOn(), command.description()),
                ProvinceRules.recordedBy(command.submittedBy(), actingFor));
    }

    @CommandHandler
    void handle(RecordMarkerRepair command, EffectiveProvinces provinces) {
        ProvinceRegister register = provinces.current();
        ProvinceRules.requireNotEnded(register, command.submittedBy(), command.repairedOn(), "repairedOn");
        String province = command.submittedBy().province();
        String actingFor = ProvinceRules.actingFor(
                        register,
                        command.submittedBy(),
                        Stream.of(plannedByProvince).filter(Objects::nonNull).toList())
                .orElseThrow(() ->
                        new MarkerOfAnotherProvince(markerId, province, List.of(String.valueOf(plannedByProvince))));
        if (status != Status.DAMAGED) {
            throw new MarkerNotDamaged(markerId);
        }
        if (command.repairedOn().isBefore(damagedOn)) {
            throw new RepairBeforeDamage(markerId, command.repairedOn(), damagedOn);
        }
        apply(
                new MarkerRepaired(markerId, command.repairedOn(), command.description()),
                ProvinceRules.recordedBy(command.submittedBy(), actingFor));
    }

    /**
     * The submitter's province on the event itself, so that the handlers below see it both when the event is applied
     * now and when it is read back from the store (where it is the submission metadata every event carries).
     */
    private static MetaData provinceOf(Submitter submitter) {
        return MetaData.with(EventMetadata.PROVINCE, submitter.province());
    }

    private boolean isCompleted() {
        return status == Status.COMPLETED || status == Status.DAMAGED || status == Status.REPAIRED;
    }

    @EventSourcingHandler
    void on(MarkerPlanned event, @MetaDataValue(EventMetadata.PROVINCE) String province) {
        markerId = event.markerId();
        responsibleSide = event.responsibleSide();
        plannedByProvince = province;
        status = Status.PLANNED;
    }

    @EventSourcingHandler
    void on(MarkerCompletionReported event) {
        status = Status.REPORTED;
        reportedCompletedOn = event.completedOn();
    }

    @EventSourcingHandler
    void on(MarkerCompleted event, @MetaDataValue(EventMetadata.PROVINCE) String province) {
        status = Status.COMPLETED;
        confirmedByProvince = province;
    }

    @EventSourcingHandler
    void on(MarkerDamaged event) {
        status = Status.DAMAGED;
        damagedOn = event.damagedOn();
    }

    @EventSourcingHandler
    void on(MarkerRepaired event) {
        status = Status.REPAIRED;
    }
}
