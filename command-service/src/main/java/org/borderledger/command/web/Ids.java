package org.borderledger.command.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.borderledger.events.FieldLimits;
import org.borderledger.events.Provinces;

/** Readable, stable identifiers such as {@code AGR-2014-001}: chosen by the client, or generated when absent. */
public final class Ids {

    /**
     * Letters, digits and {@code . / _ -}, starting with a letter or digit; marker numbers such as {@code 314/1}
     * included. No {@code /}-separated segment is {@code .} or {@code ..}: an id is never a relative path.
     */
    public static final String PATTERN =
            "(?!(?:.*/)?\\.{1,2}(?:/.*)?$)[A-Za-z0-9][A-Za-z0-9./_-]{0," + (FieldLimits.ID - 1) + "}";

    /** A province code of either side ({@link Provinces#PATTERN}), at most {@link FieldLimits#PROVINCE} characters. */
    public static final String PROVINCE = Provinces.PATTERN;

    private static final SecureRandom random = new SecureRandom();
    private static final Pattern ID = Pattern.compile(PATTERN);

    private Ids() {}

    /** {@code prefix-year-XXXXXX}, six random hex digits: e.g. {@code AGR-2014-3F9A1C}. */
    public static String generate(String prefix, int year) {
        byte[] bytes = new byte[3];
        random.nextBytes(bytes);
        return prefix + "-" + year + "-" + HexFormat.of().withUpperCase().formatHex(bytes);
    }

    /** Whether {@code id} can name an aggregate: ids are chosen or generated in this form only. */
    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static String orGenerate(String id, String prefix, int year) {
        return id == null || id.isBlank() ? generate(prefix, year) : id;
    }
}
