package org.borderledger.command.jurisdiction;

import static org.borderledger.command.RefusalMatchers.namingFields;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.borderledger.command.Submitter;
import org.borderledger.command.jurisdiction.JurisdictionCommands.ApproveJurisdictionChange;
import org.borderledger.command.jurisdiction.JurisdictionCommands.ProposeJurisdictionChange;
import org.borderledger.command.jurisdiction.JurisdictionRefusals.ApprovalBeforeProposal;
import org.borderledger.command.jurisdiction.JurisdictionRefusals.ApprovalFromSameSide;
import org.borderledger.command.jurisdiction.JurisdictionRefusals.ChangeAlreadyApproved;
import org.borderledger.command.jurisdiction.JurisdictionRefusals.ChangeAlreadyProposed;
import org.borderledger.command.jurisdiction.JurisdictionRefusals.ChangeNotProposed;
import org.borderledger.command.jurisdiction.JurisdictionRefusals.InconsistentChange;
import org.borderledger.command.province.EffectiveProvinces;
import org.borderledger.events.Province;
import org.borderledger.events.ProvinceRegister;
import org.borderledger.events.Side;
import org.borderledger.events.jurisdiction.JurisdictionChangeApproved;
import org.borderledger.events.jurisdiction.JurisdictionChangeProposed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A change of the reference data: an admin of one side proposes, an admin of the other approves. */
class JurisdictionsTest {

    private static final Submitter KAMPOT_ADMIN = new Submitter("kp-admin", "Ledger Operations", Side.KH, "KH-7");
    private static final Submitter TAKEO_ADMIN = new Submitter("tk-admin", "Ledger Operations", Side.KH, "KH-21");
    private static final Submitter AN_GIANG_ADMIN =
            new Submitter("ag-admin", "Ledger Operations", Side.VN, "VN-AG2025");

    private static final LocalDate PROPOSED_ON = LocalDate.of(2026, 1, 5);
    private static final LocalDate APPROVED_ON = LocalDate.of(2026, 1, 9);

    /** Svay Rieng borders Viet Nam too; an entry the bundled data does not hold. */
    private static final Province SVAY_RIENG = new Province(
            "KH-20",
            null,
            null,
            Side.KH,
            "Svay Rieng",
            "ខេត្តស្វាយរៀង",
            "Svay Rieng",
            null,
            List.of(),
            false,
            "ISO 3166-2:KH");

    private static final JurisdictionChangeProposed PROPOSED = new JurisdictionChangeProposed(
            "JC-1", List.of(SVAY_RIENG), "Svay Rieng joins the ledger", "ISO 3166-2:KH", PROPOSED_ON, Side.KH);

    private final AtomicInteger changes = new AtomicInteger();
    private FixtureConfiguration<Jurisdictions> fixture;

    @BeforeEach
    void setUp() {
        EffectiveProvinces effective = new EffectiveProvinces() {
            @Override
            public ProvinceRegister current() {
                return ProvinceRegister.bundled();
            }

            @Override
            public void changed() {
                changes.incrementAndGet();
            }
        };
        fixture = new AggregateTestFixture<>(Jurisdictions.class).registerInjectableResource(effective);
    }

    private static ProposeJurisdictionChange proposal(String changeId, List<Province> entries, Submitter admin) {
        return new ProposeJurisdictionChange(
                "jurisdictions", changeId, entries, "Svay Rieng joins the ledger", "ISO 3166-2:KH", PROPOSED_ON, admin);
    }

    @Test
    void anAdminOfOneSideProposesAChange() {
        fixture.givenNoPriorActivity()
                .when(proposal("JC-1", List.of(SVAY_RIENG), KAMPOT_ADMIN))
                .expectEvents(PROPOSED);
    }

    @Test
    void anAdminOfTheOtherSideApprovesItAndItIsInEffect() {
        fixture.given(PROPOSED)
                .when(new ApproveJurisdictionChange("jurisdictions", "JC-1", APPROVED_ON, AN_GIANG_ADMIN))
                .expectEvents(new JurisdictionChangeApproved("JC-1", List.of(SVAY_RIENG), APPROVED_ON, Side.VN, 2));
    }

    @Test
    void theSameSideDoesNotApproveItsOwnProposal() {
        fixture.given(PROPOSED)
                .when(new ApproveJurisdictionChange("jurisdictions", "JC-1", APPROVED_ON, TAKEO_ADMIN))
                .expectException(ApprovalFromSameSide.class)
                .expectNoEvents();
    }

    @Test
    void aChangeIsApprovedOnce() {
        fixture.given(PROPOSED, new JurisdictionChangeApproved("JC-1", List.of(SVAY_RIENG), APPROVED_ON, Side.VN, 2))
                .when(new ApproveJurisdictionChange("jurisdictions", "JC-1", APPROVED_ON, AN_GIANG_ADMIN))
                .expectException(ChangeAlreadyApproved.class)
                .expectNoEvents();
    }

    @Test
    void onlyAProposedChangeIsApproved() {
        fixture.given(PROPOSED)
                .when(new ApproveJurisdictionChange("jurisdictions", "JC-2", APPROVED_ON, AN_GIANG_ADMIN))
                .expectException(ChangeNotProposed.class)
                .expectNoEvents();
    }

    @Test
    void aChangeIdNamesOneProposal() {
        fixture.given(PROPOSED)
                .when(proposal("JC-1", List.of(SVAY_RIENG), KAMPOT_ADMIN))
                .expectException(ChangeAlreadyProposed.class)
                .expectNoEvents();
    }

    @Test
    void anApprovalIsNotDatedBeforeTheProposal() {
        fixture.given(PROPOSED)
                .when(new ApproveJurisdictionChange("jurisdictions", "JC-1", PROPOSED_ON.minusDays(1), AN_GIANG_ADMIN))
                .expectException(ApprovalBeforeProposal.class)
                .expectException(namingFields("approvedOn"))
                .expectNoEvents();
    }

    @Test
    void aChangeThatWouldMakeTheDataInconsistentIsRefused() {
        Province overlapping = new Province(
                "VN-47",
                LocalDate.of(2025, 1, 1),
                null,
                Side.VN,
                "Kiên Giang",
                "ខេត្តកៀនយ៉ាង",
                "Kiên Giang",
                null,
                List.of(),
                false,
                "none");
        fixture.givenNoPriorActivity()
                .when(proposal("JC-2", List.of(overlapping), AN_GIANG_ADMIN))
                .expectException(InconsistentChange.class)
                .expectException(namingFields("entries"))
                .expectNoEvents();
    }
}
