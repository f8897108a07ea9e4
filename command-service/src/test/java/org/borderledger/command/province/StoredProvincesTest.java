package org.borderledger.command.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.borderledger.events.Province;
import org.borderledger.events.ProvinceRegister;
import org.borderledger.events.Side;
import org.borderledger.events.jurisdiction.JurisdictionChangeApproved;
import org.borderledger.events.jurisdiction.JurisdictionChangeProposed;
import org.junit.jupiter.api.Test;

class StoredProvincesTest {

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
    private static final Province SVAY_RIENG_RENAMED = new Province(
            "KH-20",
            null,
            null,
            Side.KH,
            "Svay Rieng",
            "ខេត្តស្វាយរៀង",
            "Svay Rieng Province",
            null,
            List.of(),
            false,
            "ISO 3166-2:KH");

    @Test
    void withoutChangesTheEffectiveDataIsTheBundledOne() {
        assertThat(StoredProvinces.fold(DomainEventStream.empty()).entries())
                .isEqualTo(ProvinceRegister.bundled().entries());
    }

    @Test
    void aProposalAloneChangesNothingAndApprovalsApplyInTheirOrder() {
        ProvinceRegister effective = StoredProvinces.fold(DomainEventStream.of(
                event(
                        0,
                        new JurisdictionChangeProposed(
                                "JC-1", List.of(SVAY_RIENG), "joins", "ISO", LocalDate.of(2026, 1, 5), Side.KH)),
                event(
                        1,
                        new JurisdictionChangeProposed(
                                "JC-2",
                                List.of(SVAY_RIENG_RENAMED),
                                "renamed",
                                "ISO",
                                LocalDate.of(2026, 1, 6),
                                Side.KH)),
                event(
                        2,
                        new JurisdictionChangeApproved(
                                "JC-1", List.of(SVAY_RIENG), LocalDate.of(2026, 1, 9), Side.VN, 2)),
                event(
                        3,
                        new JurisdictionChangeApproved(
                                "JC-2", List.of(SVAY_RIENG_RENAMED), LocalDate.of(2026, 1, 10), Side.VN, 3))));

        assertThat(effective.version()).isEqualTo(3);
        assertThat(effective.latest("KH-20")).contains(SVAY_RIENG_RENAMED);
        assertThat(effective.entries())
                .hasSize(ProvinceRegister.bundled().entries().size() + 1);
    }

    private static GenericDomainEventMessage<Object> event(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Jurisdictions", "jurisdictions", sequence, payload);
    }
}
