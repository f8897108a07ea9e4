package org.borderledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.borderledger.command.agreement.NotAPartyToAgreement;
import org.borderledger.command.marker.MarkerAlreadyCompleted;
import org.junit.jupiter.api.Test;

class RefusalTest {

    @Test
    void namesTheProblemTypeAfterTheRefusalInKebabCase() {
        assertThat(new MarkerAlreadyCompleted("314/1").type()).isEqualTo("marker-already-completed");
        assertThat(new NotAPartyToAgreement("AGR-1", "VN-44").type()).isEqualTo("not-a-party-to-agreement");
    }
}
