package org.borderledger.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The provinces of the border over time, keyed by code and valid-from date: which province a code names on a date,
 * what continues a province that ended, and whether two codes form a cooperation pair. The bundled data
 * ({@code provinces.tsv} beside this class, tab-separated so that any language reads it without a library) is the
 * initial state; approved changes ({@link #with}) replace or add entries. A register is consistent: the periods of one
 * code do not overlap, every successor and predecessor is a known code of the same side, and successor chains end.
 */
public final class ProvinceRegister {

    /** The bundled data file, on the classpath beside this class. */
    public static final String RESOURCE = "provinces.tsv";

    private static final List<String> COLUMNS = List.of(
            "code",
            "validFrom",
            "validTo",
            "side",
            "nameVi",
            "nameKm",
            "nameEn",
            "succeededBy",
            "formedFrom",
            "codeAuthority",
            "source");

    private static final ProvinceRegister BUNDLED = load();

    private final int version;
    private final List<Province> entries;

    private ProvinceRegister(int version, Collection<Province> entries) {
        this.version = version;
        this.entries = entries.stream()
                .sorted(Comparator.comparing(Province::code)
                        .thenComparing(Province::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        check(this.entries);
    }

    /** The register the ledger ships with. */
    public static ProvinceRegister bundled() {
        return BUNDLED;
    }

    /** A register of these entries, checked for consistency (an {@link IllegalArgumentException} says what is wrong). */
    public static ProvinceRegister of(int version, Collection<Province> entries) {
        return new ProvinceRegister(version, entries);
    }

    /** The version of the data: the bundled file's, plus one for each change applied. */
    public int version() {
        return version;
    }

    public List<Province> entries() {
        return entries;
    }

    /**
     * This register with {@code changes} applied: an entry replaces the one of the same code and valid-from date, or is
     * added. The result is checked for consistency like any register.
     */
    public ProvinceRegister with(Collection<Province> changes) {
        Map<String, Province> byKey = new LinkedHashMap<>();
        for (Province entry : entries) {
            byKey.put(key(entry), entry);
        }
        for (Province entry : changes) {
            byKey.put(key(entry), entry);
        }
        return new ProvinceRegister(version + 1, byKey.values());
    }

    /** Whether any entry, of any period, has this code. */
    public boolean isKnown(String code) {
        return entries.stream().anyMatch(entry -> entry.code().equals(code));
    }

    /** The entry of {@code code} valid on {@code date}, if the province exists on that date. */
    public Optional<Province> validOn(String code, LocalDate date) {
        return entries.stream()
                .filter(entry -> entry.code().equals(code) && entry.validOn(date))
                .findFirst();
    }

    /** The latest entry of {@code code}: what the code names last. */
    public Optional<Province> latest(String code) {
        return entries.stream().filter(entry -> entry.code().equals(code)).reduce((first, second) -> second);
    }

    /** The side of a known code. */
    public Optional<Side> sideOf(String code) {
        return latest(code).map(Province::side);
    }

    /** The codes that continue {@code code}, nearest first, ending with one that has not ended; empty if none does. */
    public List<String> successorChain(String code) {
        List<String> chain = new ArrayList<>();
        Optional<Province> current = latest(code);
        while (current.isPresent() && current.get().succeededBy() != null) {
            String next = current.get().succeededBy();
            chain.add(next);
            current = latest(next);
        }
        return chain;
    }

    /** {@code code} and every code it continues, directly or through others. */
    public Set<String> lineage(String code) {
        Set<String> lineage = new LinkedHashSet<>();
        List<String> open = new ArrayList<>(List.of(code));
        while (!open.isEmpty()) {
            String next = open.remove(0);
            if (lineage.add(next)) {
                entries.stream()
                        .filter(entry -> entry.code().equals(next))
                        .forEach(entry -> open.addAll(entry.formedFrom()));
            }
        }
        return lineage;
    }

    /** Whether {@code successor} continues {@code code} (or is that code). */
    public boolean continues(String successor, String code) {
        return lineage(successor).contains(code);
    }

    /** Whether two codes form a cooperation pair on {@code date}: one province of each side, both existing then. */
    public boolean isPair(String first, String second, LocalDate date) {
        Optional<Province> one = validOn(first, date);
        Optional<Province> other = validOn(second, date);
        return one.isPresent()
                && other.isPresent()
                && one.get().side() != other.get().side();
    }

    private static String key(Province entry) {
        return entry.code() + "@" + entry.validFrom();
    }

    private static void check(List<Province> entries) {
        Map<String, List<Province>> byCode = new LinkedHashMap<>();
        for (Province entry : entries) {
            if (entry.code() == null || Provinces.sideOf(entry.code()).isEmpty()) {
                throw new IllegalArgumentException("code " + entry.code() + " is not a province code of VN or KH");
            }
            if (entry.side() != Provinces.sideOf(entry.code()).get()) {
                throw new IllegalArgumentException(entry.code() + " is not of side " + entry.side());
            }
            if (entry.validFrom() != null
                    && entry.validTo() != null
                    && entry.validTo().isBefore(entry.validFrom())) {
                throw new IllegalArgumentException(entry.code() + " ends before it starts");
            }
            if (entry.succeededBy() != null && entry.validTo() == null) {
                throw new IllegalArgumentException(entry.code() + " is succeeded but has no end");
            }
            byCode.computeIfAbsent(entry.code(), code -> new ArrayList<>()).add(entry);
        }
        for (List<Province> periods : byCode.values()) {
            for (int i = 1; i < periods.size(); i++) {
                Province earlier = periods.get(i - 1);
                Province later = periods.get(i);
                if (earlier.validTo() == null
                        || later.validFrom() == null
                        || !later.validFrom().isAfter(earlier.validTo())) {
                    throw new IllegalArgumentException("periods of " + later.code() + " overlap");
                }
            }
        }
        for (Province entry : entries) {
            List<String> related = new ArrayList<>(entry.formedFrom());
            if (entry.succeededBy() != null) {
                related.add(entry.succeededBy());
            }
            for (String code : related) {
                if (!byCode.containsKey(code) || byCode.get(code).get(0).side() != entry.side()) {
                    throw new IllegalArgumentException(entry.code() + " names " + code + ", no province of its side");
                }
            }
            Set<String> seen = new HashSet<>(Set.of(entry.code()));
            String next = entry.succeededBy();
            while (next != null) {
                if (!seen.add(next)) {
                    throw new IllegalArgumentException("the successors of " + entry.code() + " form a cycle");
                }
                List<Province> periods = byCode.get(next);
                next = periods.get(periods.size() - 1).succeededBy();
            }
        }
    }

    private static ProvinceRegister load() {
        try (InputStream in = ProvinceRegister.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + ProvinceRegister.class.getName());
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the data file's format: {@code #} comment lines, a {@code version} line, a header line naming the columns,
     * then one tab-separated entry per line.
     */
    static ProvinceRegister parse(String text) {
        int version = 0;
        boolean header = false;
        List<Province> entries = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells[0].equals("version")) {
                    version = Integer.parseInt(cells[1].strip());
                } else if (!header) {
                    if (!Arrays.asList(cells).equals(COLUMNS)) {
                        throw new IllegalArgumentException("the header must be " + String.join(" ", COLUMNS));
                    }
                    header = true;
                } else {
                    entries.add(entry(cells));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProvinceRegister(version, entries);
    }

    private static Province entry(String[] cells) {
        if (cells.length != COLUMNS.size()) {
            throw new IllegalArgumentException("an entry has " + COLUMNS.size() + " cells: " + String.join("|", cells));
        }
        return new Province(
                cells[0],
                date(cells[1]),
                date(cells[2]),
                Side.valueOf(cells[3]),
                cells[4],
                cells[5],
                cells[6],
                cells[7].isEmpty() ? null : cells[7],
                cells[8].isBlank() ? List.of() : List.of(cells[8].strip().split(" +")),
                cells[9].equals("ledger"),
                cells[10]);
    }

    private static LocalDate date(String cell) {
        return cell.isEmpty() ? null : LocalDate.parse(cell);
    }
}
