package org.borderledger.command.jurisdiction;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.borderledger.command.jurisdiction.JurisdictionCommands.ApproveJurisdictionChange;
import org.borderledger.command.jurisdiction.JurisdictionCommands.ProposeJurisdictionChange;
import org.borderledger.command.jurisdiction.JurisdictionRefusals.ApprovalBeforeProposal;
import org.borderledger.command.jurisdiction.JurisdictionRefusals.ApprovalFromSameSide;
import org.borderledger.command.jurisdiction.JurisdictionRefusals.ChangeAlreadyApproved;
import org.borderledger.command.jurisdiction.JurisdictionRefusals.ChangeAlreadyProposed;
import org.borderledger.command.jurisdiction.JurisdictionRefusals.ChangeNotProposed;
import org.borderledger.command.jurisdiction.JurisdictionRefusals.InconsistentChange;
import org.borderledger.command.province.EffectiveProvinces;
import org.borderledger.command.province.JurisdictionsAggregate;
import org.borderledger.events.Province;
import org.borderledger.events.ProvinceRegister;
import org.borderledger.events.Side;
import org.borderledger.events.jurisdiction.JurisdictionChangeApproved;
import org.borderledger.events.jurisdiction.JurisdictionChangeProposed;

/**
 * The provinces' reference data as changed in the store: the bundled register, then each change an admin of one side
 * proposed and an admin of the other side approved. A change is checked against the data it applies to when proposed
 * and again when approved (another change may have been approved in between). One aggregate holds every change, so
 * changes apply in one order.
 */
@Aggregate
class Jurisdictions {

    private record Proposal(List<Province> entries, Side side, LocalDate proposedOn, boolean approved) {}

    @AggregateIdentifier
    private String jurisdictionsId;

    private ProvinceRegister register = ProvinceRegister.bundled();
    private final Map<String, Proposal> proposals = new HashMap<>();

    /** For Axon, which rebuilds the reference data from its events, or creates it with the first proposal. */
    Jurisdictions() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ProposeJurisdictionChange command) {
        if (proposals.containsKey(command.changeId())) {
            throw new ChangeAlreadyProposed(command.changeId());
        }
        appliedTo(register, command.entries());
        apply(new JurisdictionChangeProposed(
                command.changeId(),
                List.copyOf(command.entries()),
                command.reason(),
                command.source(),
                command.proposedOn(),
                command.submittedBy().side()));
    }

    @CommandHandler
    void handle(ApproveJurisdictionChange command, EffectiveProvinces provinces) {
        Proposal proposal = proposals.get(command.changeId());
        if (proposal == null) {
            throw new ChangeNotProposed(command.changeId());
        }
        if (command.submittedBy().side() == proposal.side()) {
            throw new ApprovalFromSameSide(command.changeId(), proposal.side());
        }
        if (proposal.approved()) {
            throw new ChangeAlreadyApproved(command.changeId());
        }
        if (command.approvedOn().isBefore(proposal.proposedOn())) {
            throw new ApprovalBeforeProposal(command.changeId(), command.approvedOn(), proposal.proposedOn());
        }
        ProvinceRegister next = appliedTo(register, proposal.entries());
        apply(new JurisdictionChangeApproved(
                command.changeId(),
                proposal.entries(),
                command.approvedOn(),
                command.submittedBy().side(),
                next.version()));
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(committed -> provinces.changed()));
    }

    private static ProvinceRegister appliedTo(ProvinceRegister register, List<Province> entries) {
        try {
            return register.with(entries);
        } catch (IllegalArgumentException inconsistent) {
            throw new InconsistentChange(inconsistent.getMessage());
        }
    }

    @EventSourcingHandler
    void on(JurisdictionChangeProposed event) {
        jurisdictionsId = JurisdictionsAggregate.ID;
        proposals.put(
                event.changeId(), new Proposal(event.entries(), event.proposingSide(), event.proposedOn(), false));
    }

    @EventSourcingHandler
    void on(JurisdictionChangeApproved event) {
        register = register.with(event.entries());
        proposals.computeIfPresent(
                event.changeId(),
                (id, proposal) -> new Proposal(proposal.entries(), proposal.side(), proposal.proposedOn(), true));
    }
}
