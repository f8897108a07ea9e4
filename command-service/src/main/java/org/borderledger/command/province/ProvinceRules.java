package org.borderledger.command.province;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.MetaData;
import org.borderledger.command.Submitter;
import org.borderledger.command.province.ProvinceRefusals.DistrictAfterReform;
import org.borderledger.command.province.ProvinceRefusals.NotInReferenceData;
import org.borderledger.command.province.ProvinceRefusals.ProvinceEnded;
import org.borderledger.command.province.ProvinceRefusals.ProvinceNotValidOn;
import org.borderledger.command.province.ProvinceRefusals.ProvinceOfTheDateNotNamed;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.Province;
import org.borderledger.events.ProvinceRegister;
import org.borderledger.events.Provinces;
import org.borderledger.events.Side;

/**
 * The rules of jurisdiction over time, the same for every slice. A unit acts for its own province while that province
 * exists; after its end it records nothing dated later (its successor's units do), and before its start it acts for
 * the province of the fact's date that its province continues, the fact marked as recorded by the successor. Recorded
 * facts keep the codes they were recorded with: a fact of {@code VN-47} is continued, never rewritten, by
 * {@code VN-AG2025}.
 */
public final class ProvinceRules {

    private ProvinceRules() {}

    /** Refuses a code the reference data does not hold, naming {@code field}. */
    public static void requireKnown(ProvinceRegister register, String province, String field) {
        if (!register.isKnown(province)) {
            throw new NotInReferenceData(province, field);
        }
    }

    /** Refuses a province that is unknown or does not exist on {@code date}, naming {@code fields}. */
    public static Province requireValidOn(
            ProvinceRegister register, String province, LocalDate date, String... fields) {
        requireKnown(register, province, fields[0]);
        return register.validOn(province, date)
                .orElseThrow(() -> new ProvinceNotValidOn(
                        province, date, validity(register, province), register.successorChain(province), fields));
    }

    /** Refuses a submitter whose province ended before {@code date}, naming the province that continues it. */
    public static void requireNotEnded(ProvinceRegister register, Submitter submitter, LocalDate date, String field) {
        Optional<Province> own = register.latest(submitter.province());
        if (own.isPresent() && own.get().endedBefore(date)) {
            throw new ProvinceEnded(
                    submitter.province(),
                    own.get().validTo(),
                    date,
                    register.successorChain(submitter.province()),
                    field);
        }
    }

    /**
     * The province of the fact the submitter acts for: its own when the fact names it, otherwise one that its province
     * continues (a unit of the An Giang of 2025 acts for Kiên Giang's facts). Empty when it acts for none of them.
     */
    public static Optional<String> actingFor(
            ProvinceRegister register, Submitter submitter, Collection<String> provincesOfFact) {
        String own = submitter.province();
        if (provincesOfFact.contains(own)) {
            return Optional.of(own);
        }
        return provincesOfFact.stream()
                .filter(province -> province != null && register.continues(own, province))
                .findFirst();
    }

    /**
     * The province a submitter reports for on {@code date}: {@code named} when given (its own or one its province
     * continues, existing on the date), else its own when it exists on the date, else the one province of the date its
     * province continues. Empty when {@code named} is neither its own nor continued by it.
     */
    public static Optional<String> provinceOfTheDate(
            ProvinceRegister register, Submitter submitter, String named, LocalDate date, String field) {
        String own = submitter.province();
        if (named != null) {
            if (!register.continues(own, named)) {
                return Optional.empty();
            }
            requireValidOn(register, named, date, field);
            return Optional.of(named);
        }
        if (register.validOn(own, date).isPresent()) {
            return Optional.of(own);
        }
        List<String> candidates = register.lineage(own).stream()
                .filter(province -> register.validOn(province, date).isPresent())
                .toList();
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        if (candidates.isEmpty()) {
            requireValidOn(register, own, date, field);
        }
        throw new ProvinceOfTheDateNotNamed(own, date, candidates, field);
    }

    /**
     * Refuses a district for a place in Viet Nam dated from {@link Provinces#VIETNAM_WITHOUT_DISTRICTS_FROM}: from then
     * on a place is a commune, ward or special zone of its province. Earlier places and Cambodian ones keep districts.
     */
    public static void requireAddressOfItsDate(String province, String district, LocalDate date, String districtField) {
        if (district != null
                && Provinces.sideOf(province).filter(Side.VN::equals).isPresent()
                && !date.isBefore(Provinces.VIETNAM_WITHOUT_DISTRICTS_FROM)) {
            throw new DistrictAfterReform(province, date, districtField);
        }
    }

    /**
     * The metadata that marks a fact recorded for {@code actingFor} by a unit of a province that continues it; empty
     * when the submitter acts for its own province.
     */
    public static MetaData recordedBy(Submitter submitter, String actingFor) {
        return submitter.province().equals(actingFor)
                ? MetaData.emptyInstance()
                : MetaData.with(EventMetadata.RECORDED_BY_SUCCESSOR, submitter.province());
    }

    private static String validity(ProvinceRegister register, String province) {
        return register.entries().stream()
                .filter(entry -> entry.code().equals(province))
                .map(entry -> (entry.validFrom() == null
                                ? "…"
                                : entry.validFrom().toString()) + "/"
                        + (entry.validTo() == null ? "…" : entry.validTo().toString()))
                .reduce((first, second) -> first + ", " + second)
                .orElse("-");
    }
}
