package org.borderledger.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FairSharesTest {

    static final class Refused extends RuntimeException {
        final FairShares.Refusal refusal;

        Refused(FairShares.Refusal refusal) {
            super(refusal.name());
            this.refusal = refusal;
        }
    }

    @Test
    void oneSubjectTakesNoMoreThanItsShareAndLeavesTheRestToOthers() {
        FairShares shares = new FairShares(100, FairShares.defaultShare(100));
        List<FairShares.Slot> mine = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            mine.add(shares.take("greedy", Refused::new));
        }

        assertThatThrownBy(() -> shares.take("greedy", Refused::new))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.refusal)
                        .isEqualTo(FairShares.Refusal.SHARE_TAKEN));
        assertThat(shares.inUse()).isEqualTo(25);
        try (FairShares.Slot other = shares.take("kg-border-guard", Refused::new)) {
            assertThat(shares.inUse()).isEqualTo(26);
        }

        mine.remove(0).close();
        mine.add(shares.take("greedy", Refused::new));
        assertThat(shares.inUse()).isEqualTo(25);
    }

    @Test
    void theWholeIsBoundedWhateverTheSubjects() {
        FairShares shares = new FairShares(4, 2);
        shares.take("a", Refused::new);
        shares.take("a", Refused::new);
        shares.take("b", Refused::new);
        FairShares.Slot last = shares.take("c", Refused::new);

        assertThatThrownBy(() -> shares.take("d", Refused::new))
                .isInstanceOfSatisfying(
                        Refused.class, refused -> assertThat(refused.refusal).isEqualTo(FairShares.Refusal.ALL_TAKEN));
        last.close();
        last.close();
        assertThat(shares.inUse()).isEqualTo(3);
        shares.take("d", Refused::new);
    }
}
