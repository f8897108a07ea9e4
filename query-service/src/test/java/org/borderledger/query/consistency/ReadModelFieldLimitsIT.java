package org.borderledger.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.borderledger.events.EventCatalog;
import org.borderledger.events.EventMetadata;
import org.borderledger.events.FieldLimits;
import org.borderledger.events.GeoPoint;
import org.borderledger.query.position.PositionBeans;
import org.borderledger.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every field of every event in {@link EventCatalog}, at the longest value the command side accepts for it
 * ({@link FieldLimits}), goes through the projections into the read models on PostgreSQL and is stored in full. The
 * values are found by reflection over the event records, so a new field without a declared limit fails here.
 */
class ReadModelFieldLimitsIT {

    /** The limit of each text field of the events, by record component name. */
    private static final Map<String, Integer> LIMITS = Map.ofEntries(
            Map.entry("agreementId", FieldLimits.ID),
            Map.entry("caseId", FieldLimits.ID),
            Map.entry("markerId", FieldLimits.ID),
            Map.entry("indicatorId", FieldLimits.ID),
            Map.entry("title", FieldLimits.TITLE),
            Map.entry("parties", FieldLimits.PROVINCE),
            Map.entry("place", FieldLimits.NAME),
            Map.entry("name", FieldLimits.NAME),
            Map.entry("province", FieldLimits.PROVINCE),
            Map.entry("documentRef", FieldLimits.NAME),
            Map.entry("summary", FieldLimits.TEXT),
            Map.entry("reason", FieldLimits.TEXT),
            Map.entry("description", FieldLimits.TEXT),
            Map.entry("season", FieldLimits.SEASON),
            Map.entry("searchProvince", FieldLimits.PROVINCE),
            Map.entry("openedByProvince", FieldLimits.PROVINCE),
            Map.entry("reportingProvince", FieldLimits.PROVINCE),
            Map.entry("partnerProvince", FieldLimits.PROVINCE),
            Map.entry("changeId", FieldLimits.ID),
            Map.entry("code", FieldLimits.PROVINCE),
            Map.entry("nameVi", FieldLimits.NAME),
            Map.entry("nameKm", FieldLimits.NAME),
            Map.entry("nameEn", FieldLimits.NAME),
            Map.entry("succeededBy", FieldLimits.PROVINCE),
            Map.entry("formedFrom", FieldLimits.PROVINCE),
            Map.entry("searchingUnit", FieldLimits.UNIT),
            Map.entry("receivingUnit", FieldLimits.NAME),
            Map.entry("district", FieldLimits.NAME),
            Map.entry("commune", FieldLimits.NAME),
            Map.entry("borderGate", FieldLimits.BORDER_GATE),
            Map.entry("source", FieldLimits.SOURCE));

    /** How many elements a list field holds at most. */
    private static final Map<String, Integer> SIZES = Map.of(
            "signatories",
            FieldLimits.SIGNATORIES,
            "parties",
            2,
            "entries",
            FieldLimits.PROVINCE_ENTRIES,
            "formedFrom",
            FieldLimits.PROVINCE_ENTRIES);

    /**
     * Fields no read-model column holds: the provinces' reference data and the partner province of a figure, which the
     * fact lines keep in each event's JSON. Their values are looked for there.
     */
    private static final Set<String> IN_FACT_LINES_ONLY = Set.of(
            "JurisdictionChangeProposed",
            "JurisdictionChangeApproved",
            "Province",
            "IndicatorReported.partnerProvince");

    private final List<String> written = new ArrayList<>();
    private final List<String> writtenToFactLinesOnly = new ArrayList<>();
    private String event;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private int fieldNumber;

    @Test
    void everyEventFieldAtItsLimitIsProjectedInFull() throws Exception {
        DataSource dataSource = dataSource();
        Flyway.configure()
                .dataSource(dataSource)
                .locations(ShadowRebuildTest.MIGRATIONS)
                .load()
                .migrate();
        Map<String, Long> sequences = new LinkedHashMap<>();
        List<DomainEventMessage<?>> history = new ArrayList<>();
        long position = 0;
        for (Class<? extends Record> type : EventCatalog.EVENTS) {
            this.event = type.getSimpleName();
            Record event = (Record) value(type, type.getSimpleName(), null);
            String aggregateId =
                    (String) type.getRecordComponents()[0].getAccessor().invoke(event);
            long sequence = sequences.merge(aggregateId, 0L, (last, ignored) -> last + 1);
            history.add(new GenericDomainEventMessage<>(
                    type.getPackageName(),
                    aggregateId,
                    sequence,
                    event,
                    MetaData.with(EventMetadata.POSITION, ++position)));
        }

        try (AnnotationConfigApplicationContext service = service(dataSource);
                ShadowReadModels projections = ShadowReadModels.open(service.getBeanFactory(), dataSource)) {
            projections.apply(history);
        }

        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<String[]> columns = jdbc.sql("SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND data_type IN ('character varying', 'text')"
                        + " AND table_name NOT IN ('flyway_schema_history', 'dead_letter', 'token_entry')"
                        // the fact lines keep each event's whole JSON: a value found there proves nothing of the others
                        + " AND NOT (table_name = 'fact_line' AND column_name = 'payload')")
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        List<String> stored = new ArrayList<>();
        for (String[] column : columns) {
            stored.addAll(
                    jdbc.sql("SELECT " + column[1] + " FROM " + column[0] + " WHERE " + column[1] + " IS NOT NULL")
                            .query(String.class)
                            .list());
        }
        List<String> missing = new ArrayList<>();
        for (String value : written) {
            if (stored.stream().noneMatch(text -> text.contains(value))) {
                missing.add(value.substring(0, Math.min(40, value.length())) + "… (" + value.length() + ")");
            }
        }
        assertThat(written).hasSizeGreaterThan(EventCatalog.EVENTS.size());
        assertThat(missing)
                .as("values at their limit not found in full in any read model")
                .isEmpty();
        String factLines = String.join(
                "\n",
                jdbc.sql("SELECT payload FROM fact_line").query(String.class).list());
        assertThat(writtenToFactLinesOnly).isNotEmpty().allSatisfy(value -> assertThat(factLines)
                .contains(value));
    }

    /** A value of {@code type} for the field {@code name}, every text at its limit and every list at its size. */
    private Object value(Type type, String name, String owner) throws Exception {
        if (type == String.class) {
            Integer limit = LIMITS.get(name);
            assertThat(limit).as("a FieldLimits entry for %s.%s", owner, name).isNotNull();
            boolean factLinesOnly = IN_FACT_LINES_ONLY.contains(event)
                    || IN_FACT_LINES_ONLY.contains(owner)
                    || IN_FACT_LINES_ONLY.contains(owner + "." + name);
            return name.endsWith("Id")
                    ? ids.computeIfAbsent(name, id -> text(limit, factLinesOnly))
                    : text(limit, factLinesOnly);
        }
        if (type instanceof Class<?> raw && raw.isRecord()) {
            RecordComponent[] components = raw.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = value(components[i].getGenericType(), components[i].getName(), raw.getSimpleName());
                types[i] = components[i].getType();
            }
            return raw.getDeclaredConstructor(types).newInstance(values);
        }
        if (type instanceof Class<?> raw && raw.isEnum()) {
            return raw.getEnumConstants()[raw.getEnumConstants().length - 1];
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2014, 5, 26);
        }
        if (type == long.class || type == int.class) {
            return type == long.class ? (Object) 9_000_000_000L : (Object) 44;
        }
        if (type == double.class) {
            return 10.42;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type instanceof ParameterizedType parameterized) {
            Type element = parameterized.getActualTypeArguments()[0];
            if (parameterized.getRawType() == Set.class && element instanceof Class<?> enumType && enumType.isEnum()) {
                @SuppressWarnings({"unchecked", "rawtypes"})
                Set<?> all = EnumSet.allOf((Class) enumType);
                return all;
            }
            if (parameterized.getRawType() == List.class) {
                Integer size = SIZES.get(name);
                assertThat(size).as("a size for the list %s.%s", owner, name).isNotNull();
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    list.add(value(element, name, owner));
                }
                return list;
            }
        }
        if (type == GeoPoint.class) {
            return new GeoPoint(10.42, 104.49);
        }
        throw new AssertionError("No value for " + owner + "." + name + " of type " + type);
    }

    /**
     * A text of exactly {@code length} characters, unique to the field, in Vietnamese letters of three UTF-8 bytes:
     * a column sized in bytes instead of characters would cut it.
     */
    private String text(int length, boolean factLinesOnly) {
        String prefix = "F" + (++fieldNumber) + "-";
        String value = prefix + "Ệ".repeat(Math.max(0, length - prefix.length()));
        value = value.substring(0, length);
        (factLinesOnly ? writtenToFactLinesOnly : written).add(value);
        return value;
    }

    private static DataSource dataSource() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        return new DriverManagerDataSource(
                infrastructure.database("query-field-limits"), infrastructure.user(), infrastructure.password());
    }

    private static AnnotationConfigApplicationContext service(DataSource dataSource) {
        AnnotationConfigApplicationContext service = new AnnotationConfigApplicationContext();
        service.registerBean(JdbcClient.class, () -> JdbcClient.create(dataSource));
        service.registerBean(Clock.class, Clock::systemUTC);
        service.register(PositionBeans.class);
        service.refresh();
        return service;
    }
}
