package org.borderledger.command.jurisdiction;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.borderledger.command.jurisdiction.JurisdictionRequests.ApproveJurisdictionChangeRequest;
import org.borderledger.command.jurisdiction.JurisdictionRequests.ProposeJurisdictionChangeRequest;
import org.borderledger.command.province.EffectiveProvinces;
import org.borderledger.command.web.Accepted;
import org.borderledger.command.web.SubmissionContext;
import org.borderledger.command.web.Submissions;
import org.borderledger.command.web.Write;
import org.borderledger.events.Province;
import org.borderledger.events.ProvinceRegister;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provinces' reference data: read by any authenticated client, changed by admins only, one side proposing and the
 * other approving. A write answers with the change's id. Change ids with a slash travel URL-encoded.
 */
@RestController
class JurisdictionController {

    static final Write<ProposeJurisdictionChangeRequest> PROPOSE = Write.targeting(
            "ProposeJurisdictionChange",
            ProposeJurisdictionChangeRequest.class,
            ProposeJurisdictionChangeRequest::command);

    /** The change id travels in the path; the aggregate is the one of the reference data. */
    static final Write<ApproveJurisdictionChangeRequest> APPROVE = Write.targeting(
            "ApproveJurisdictionChange",
            ApproveJurisdictionChangeRequest.class,
            ApproveJurisdictionChangeRequest::command);

    /** The effective reference data and its version. */
    record JurisdictionsView(int version, List<Province> provinces) {

        static JurisdictionsView of(ProvinceRegister register) {
            return new JurisdictionsView(register.version(), register.entries());
        }
    }

    private final Submissions submissions;
    private final EffectiveProvinces provinces;

    JurisdictionController(Submissions submissions, EffectiveProvinces provinces) {
        this.submissions = submissions;
        this.provinces = provinces;
    }

    @GetMapping("/api/jurisdictions")
    @Operation(summary = "The provinces in effect, with their history: codes, names, sides, validity, successors")
    JurisdictionsView jurisdictions() {
        return JurisdictionsView.of(provinces.current());
    }

    @PostMapping("/api/admin/jurisdictions/changes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose a change of the provinces' reference data (an admin of one side)")
    Accepted propose(@Valid @RequestBody ProposeJurisdictionChangeRequest request, SubmissionContext context) {
        return submissions.submitOne(PROPOSE, request.changeId(), request, context);
    }

    @PostMapping("/api/admin/jurisdictions/changes/{changeId}/approvals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Approve a proposed change (an admin of the other side): from then on it is in effect")
    Accepted approve(
            @PathVariable String changeId,
            @Valid @RequestBody ApproveJurisdictionChangeRequest request,
            SubmissionContext context) {
        return submissions.submitOne(APPROVE, changeId, request, context);
    }
}
