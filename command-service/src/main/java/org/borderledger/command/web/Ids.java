package org.borderledger.command.web;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Readable, stable identifiers such as {@code AGR-2014-001}: chosen by the client, or generated when absent. */
public final class Ids {

    /** Letters, digits and {@code . / _ -}; marker numbers such as {@code 314/1} included. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9./_-]{0,63}";

    public static final String PROVINCE = "(VN|KH)-[0-9A-Z]{1,3}";

    private static final SecureRandom random = new SecureRandom();

    private Ids() {}

    /** {@code prefix-year-XXXXXX}, six random hex digits: e.g. {@code AGR-2014-3F9A1C}. */
    public static String generate(String prefix, int year) {
        byte[] bytes = new byte[3];
        random.nextBytes(bytes);
        return prefix + "-" + year + "-" + HexFormat.of().withUpperCase().formatHex(bytes);
    }

    public static String orGenerate(String id, String prefix, int year) {
        return id == null || id.isBlank() ? generate(prefix, year) : id;
    }
}
