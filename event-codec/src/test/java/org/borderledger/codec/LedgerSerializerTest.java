package org.borderledger.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.UnknownSerializedType;
import org.borderledger.events.EventCatalog;
import org.borderledger.events.agreement.AgreementSigned;
import org.borderledger.events.agreement.CooperationDomain;
import org.borderledger.events.agreement.Signatory;
import org.junit.jupiter.api.Test;

class LedgerSerializerTest {

    static final AtomicBoolean TRIPWIRE_LOADED = new AtomicBoolean();

    static final class Tripwire {
        static {
            TRIPWIRE_LOADED.set(true);
        }
    }

    private final LedgerSerializer serializer = LedgerSerializer.create();

    @Test
    void namesEventsByTheirStableNameAndReadsThemBack() {
        AgreementSigned signed = new AgreementSigned(
                "AGR-2014-001",
                "Cooperation plan 2014-2015",
                List.of("VN-47", "KH-7"),
                java.time.LocalDate.of(2014, 5, 26),
                "Rạch Giá",
                List.of(new Signatory("Signatory", "Vice-chairman", "VN-47")),
                Set.of(CooperationDomain.TRADE),
                java.time.LocalDate.of(2014, 5, 26),
                java.time.LocalDate.of(2015, 12, 31),
                "KH-HT/2014/05");

        SerializedObject<byte[]> serialized = serializer.serialize(signed, byte[].class);

        assertThat(serialized.getType().getName()).isEqualTo("AgreementSigned");
        assertThat(new String(serialized.getData(), StandardCharsets.UTF_8))
                .contains("\"signedOn\":\"2014-05-26\"")
                .contains("\"place\":\"Rạch Giá\"");
        assertThat((Object) serializer.deserialize(serialized)).isEqualTo(signed);
    }

    @Test
    void keepsClassNamesForEverythingThatIsNotAnEvent() {
        SerializedObject<byte[]> token =
                serializer.serialize(GapAwareTrackingToken.newInstance(5, List.of(3L)), byte[].class);

        assertThat(token.getType().getName()).isEqualTo(GapAwareTrackingToken.class.getName());
        assertThat((Object) serializer.deserialize(token)).isEqualTo(GapAwareTrackingToken.newInstance(5, List.of(3L)));
    }

    @Test
    void loadsNoClassForANameOutsideTheCatalogueAndAxonsOwnTypes() {
        SerializedObject<byte[]> foreign = new SimpleSerializedObject<>(
                "{}".getBytes(StandardCharsets.UTF_8), byte[].class, Tripwire.class.getName(), null);

        Object read = serializer.deserialize(foreign);

        assertThat(read).isInstanceOf(UnknownSerializedType.class);
        assertThat(serializer.classForType(foreign.getType())).isEqualTo(UnknownSerializedType.class);
        assertThat(TRIPWIRE_LOADED).isFalse();
    }

    @Test
    void everyCatalogueNameIsUnique() {
        assertThat(EventCatalog.EVENTS.stream().map(Class::getSimpleName).distinct())
                .hasSameSizeAs(EventCatalog.EVENTS);
    }
}
