package org.borderledger.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ProvinceRegisterTest {

    private static final ProvinceRegister BUNDLED = ProvinceRegister.bundled();
    private static final LocalDate LAST_DAY_BEFORE_MERGER = LocalDate.of(2025, 6, 30);
    private static final LocalDate MERGER = LocalDate.of(2025, 7, 1);

    @Test
    void theBundledDataHoldsTheProvincesOfTheBorderAndTheMerger() {
        assertThat(BUNDLED.version()).isEqualTo(1);
        assertThat(BUNDLED.entries())
                .extracting(Province::code)
                .contains("VN-47", "VN-44", "VN-AG2025", "KH-7", "KH-21", "KH-8");
        Province anGiang = BUNDLED.validOn(Provinces.AN_GIANG, MERGER).orElseThrow();
        assertThat(anGiang.formedFrom()).containsExactlyInAnyOrder("VN-47", "VN-44");
        assertThat(anGiang.ownCode()).isTrue();
        assertThat(anGiang.nameVi()).isEqualTo("An Giang");
        assertThat(anGiang.source()).contains("202/2025/QH15");
        assertThat(BUNDLED.validOn(Provinces.KIEN_GIANG, LAST_DAY_BEFORE_MERGER))
                .isPresent();
        assertThat(BUNDLED.validOn(Provinces.KIEN_GIANG, MERGER)).isEmpty();
        assertThat(BUNDLED.validOn(Provinces.AN_GIANG, LAST_DAY_BEFORE_MERGER)).isEmpty();
        assertThat(BUNDLED.validOn(Provinces.AN_GIANG_BEFORE_2025, MERGER)).isEmpty();
    }

    @Test
    void theLedgersOwnCodeCannotBeAnIsoCode() {
        // ISO 3166-2 subdivision codes have one to three characters after the hyphen
        assertThat(Provinces.AN_GIANG.substring(3)).hasSizeGreaterThan(3);
        assertThat(Provinces.AN_GIANG).isNotEqualTo(Provinces.AN_GIANG_BEFORE_2025);
        assertThat(Provinces.AN_GIANG).hasSizeLessThanOrEqualTo(FieldLimits.PROVINCE);
        assertThat(Provinces.sideOf(Provinces.AN_GIANG)).contains(Side.VN);
    }

    @Test
    void bothMergedProvincesContinueInTheNewAnGiang() {
        assertThat(BUNDLED.successorChain("VN-47")).containsExactly("VN-AG2025");
        assertThat(BUNDLED.successorChain("VN-44")).containsExactly("VN-AG2025");
        assertThat(BUNDLED.successorChain("KH-7")).isEmpty();
        assertThat(BUNDLED.lineage("VN-AG2025")).containsExactlyInAnyOrder("VN-AG2025", "VN-47", "VN-44");
        assertThat(BUNDLED.continues("VN-AG2025", "VN-47")).isTrue();
        assertThat(BUNDLED.continues("VN-47", "VN-AG2025")).isFalse();
    }

    @Test
    void aPairIsOneProvinceOfEachSideBothExistingOnTheDate() {
        assertThat(BUNDLED.isPair("VN-47", "KH-7", LocalDate.of(2024, 5, 1))).isTrue();
        assertThat(BUNDLED.isPair("VN-AG2025", "KH-7", LocalDate.of(2025, 11, 1)))
                .isTrue();
        assertThat(BUNDLED.isPair("VN-47", "KH-7", MERGER)).isFalse();
        assertThat(BUNDLED.isPair("VN-AG2025", "KH-7", LAST_DAY_BEFORE_MERGER)).isFalse();
        assertThat(BUNDLED.isPair("KH-21", "KH-7", LocalDate.of(2024, 5, 1))).isFalse();
        assertThat(BUNDLED.isPair("VN-99", "KH-7", LocalDate.of(2024, 5, 1))).isFalse();
    }

    @Test
    void aChangeReplacesTheEntryOfItsKeyOrAddsOne() {
        Province kandal = BUNDLED.latest("KH-8").orElseThrow();
        Province renamed = new Province(
                "KH-8",
                null,
                null,
                Side.KH,
                "Kandal",
                "ខេត្តកណ្ដាល",
                "Kandal province",
                null,
                List.of(),
                false,
                "ISO 3166-2:KH");
        ProvinceRegister changed = BUNDLED.with(List.of(renamed));
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.entries())
                .hasSameSizeAs(BUNDLED.entries())
                .contains(renamed)
                .doesNotContain(kandal);
    }

    @Test
    void anInconsistentChangeIsRefused() {
        Province overlapping = new Province(
                "VN-47",
                LocalDate.of(2025, 1, 1),
                null,
                Side.VN,
                "Kiên Giang",
                "",
                "Kiên Giang",
                null,
                List.of(),
                false,
                "");
        assertThatThrownBy(() -> BUNDLED.with(List.of(overlapping))).hasMessageContaining("overlap");
        Province orphan = new Province(
                "KH-1", null, LocalDate.of(2020, 1, 1), Side.KH, "x", "x", "x", "KH-99", List.of(), false, "");
        assertThatThrownBy(() -> BUNDLED.with(List.of(orphan))).hasMessageContaining("KH-99");
        Province wrongSide = new Province("KH-1", null, null, Side.VN, "x", "x", "x", null, List.of(), false, "");
        assertThatThrownBy(() -> BUNDLED.with(List.of(wrongSide))).hasMessageContaining("side");
    }

    @Test
    void aCycleOfSuccessorsIsRefused() {
        Province first = new Province(
                "KH-1", null, LocalDate.of(2020, 1, 1), Side.KH, "a", "a", "a", "KH-2", List.of(), false, "");
        Province second = new Province(
                "KH-2", null, LocalDate.of(2020, 1, 1), Side.KH, "b", "b", "b", "KH-1", List.of(), false, "");
        assertThatThrownBy(() -> ProvinceRegister.of(1, List.of(first, second))).hasMessageContaining("cycle");
    }

    @Test
    void theHeaderIsChecked() {
        assertThatThrownBy(() -> ProvinceRegister.parse("version\t1\ncode\tname\n"))
                .hasMessageContaining("header");
    }

    @Property
    void everyDateMapsToAtMostOneEntryPerCode(@ForAll("dates") LocalDate date, @ForAll("codes") String code) {
        long valid = BUNDLED.entries().stream()
                .filter(entry -> entry.code().equals(code) && entry.validOn(date))
                .count();
        assertThat(valid).isLessThanOrEqualTo(1);
    }

    @Property
    void everyEndedProvinceIsContinuedOnLaterDates(@ForAll("dates") LocalDate date, @ForAll("codes") String code) {
        // a code that ended is continued, on any later date, by a province that exists on that date
        Province any = BUNDLED.latest(code).orElseThrow();
        if (any.endedBefore(date)) {
            List<String> chain = BUNDLED.successorChain(code);
            assertThat(chain).isNotEmpty();
            assertThat(BUNDLED.validOn(chain.get(chain.size() - 1), date)).isPresent();
        }
    }

    @Property
    void successorChainsEndAndHoldNoCode(@ForAll("codes") String code) {
        List<String> chain = BUNDLED.successorChain(code);
        assertThat(Set.copyOf(chain)).hasSameSizeAs(chain).doesNotContain(code);
        assertThat(chain).hasSizeLessThanOrEqualTo(BUNDLED.entries().size());
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs()
                .between(
                        LocalDate.of(1990, 1, 1).toEpochDay(),
                        LocalDate.of(2040, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay)
                .edgeCases(config -> config.add(LAST_DAY_BEFORE_MERGER).add(MERGER));
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.of(
                BUNDLED.entries().stream().map(Province::code).distinct().toList());
    }
}
