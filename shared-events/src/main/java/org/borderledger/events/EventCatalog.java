package org.borderledger.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.borderledger.events.agreement.AgreementAmended;
import org.borderledger.events.agreement.AgreementReviewed;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.AgreementTerminated;
import org.borderledger.events.indicator.IndicatorCorrected;
import org.borderledger.events.indicator.IndicatorReported;
import org.borderledger.events.jurisdiction.JurisdictionChangeApproved;
import org.borderledger.events.jurisdiction.JurisdictionChangeProposed;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerCompletionReported;
import org.borderledger.events.marker.MarkerDamaged;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerRepaired;
import org.borderledger.events.repatriation.RemainsRecovered;
import org.borderledger.events.repatriation.RemainsRepatriated;
import org.borderledger.events.repatriation.RepatriationCaseOpened;

/**
 * Every event type with its stable name. The name, not the Java class, is what the event store and the Kafka topic
 * carry, so classes can move without rewriting history, and consumers in other languages see short names such as
 * {@code MarkerCompleted}.
 */
public final class EventCatalog {

    public static final List<Class<? extends Record>> EVENTS = List.of(
            AgreementSigned.class,
            AgreementReviewed.class,
            AgreementAmended.class,
            AgreementTerminated.class,
            RepatriationCaseOpened.class,
            RemainsRecovered.class,
            RemainsRepatriated.class,
            MarkerPlanned.class,
            MarkerCompletionReported.class,
            MarkerCompleted.class,
            MarkerDamaged.class,
            MarkerRepaired.class,
            IndicatorReported.class,
            IndicatorCorrected.class,
            JurisdictionChangeProposed.class,
            JurisdictionChangeApproved.class);

    private static final Map<String, Class<? extends Record>> BY_NAME =
            EVENTS.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventCatalog() {}

    /** The stable name of an event class, or empty for a class that is not an event of the ledger. */
    public static Optional<String> nameOf(Class<?> type) {
        return BY_NAME.get(type.getSimpleName()) == type ? Optional.of(type.getSimpleName()) : Optional.empty();
    }

    public static Optional<Class<? extends Record>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
