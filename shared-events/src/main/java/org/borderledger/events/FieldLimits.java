package org.borderledger.events;

import java.time.LocalDate;

/**
 * The longest value each kind of field may hold, in characters (Unicode code points, as {@link #length} counts them and
 * as PostgreSQL counts a {@code varchar}'s length), and the range of numbers and dates. The command side
 * refuses longer or out-of-range input at the edge (request bodies, headers, token claims), and every read-model column
 * is at least this wide, so an accepted fact can always be stored, published and projected.
 */
public final class FieldLimits {

    /** Aggregate ids such as {@code AGR-2014-001} or marker {@code 314/1}. */
    public static final int ID = 64;

    /** {@code Idempotency-Key}, {@code X-Request-Id} and correlation ids. */
    public static final int REQUEST_KEY = 128;

    /** The token's {@code sub} and {@code unit} claims. */
    public static final int SUBJECT = 128;

    public static final int UNIT = 128;

    /** A province code such as {@code VN-47}, or the ledger's own {@code VN-AG2025}. */
    public static final int PROVINCE = 9;

    /** The most entries one change of the provinces' reference data holds, and the most codes a province is formed from. */
    public static final int PROVINCE_ENTRIES = 50;

    /** A search season such as {@code 2013-2014}. */
    public static final int SEASON = 9;

    /** Names, places, document references, units, districts and communes. */
    public static final int NAME = 200;

    public static final int TITLE = 300;

    public static final int BORDER_GATE = 100;

    public static final int SOURCE = 500;

    /** Summaries, reasons and descriptions. */
    public static final int TEXT = 4000;

    public static final int SIGNATORIES = 50;

    /** Command names such as {@code RecordRemainsRecovery}, as a batch item names them. */
    public static final int MESSAGE_TYPE = 64;

    /**
     * The largest indicator value, in USD or persons: 2^53 - 1, the largest integer that every JSON consumer (a
     * JavaScript one included) reads exactly. Sums of such values are computed exactly on the read side.
     */
    public static final long INDICATOR_VALUE = 9_007_199_254_740_991L;

    /** The earliest and the latest business date of any fact, validity period or reporting period. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    private FieldLimits() {}

    /** The length of {@code value} in code points: a character outside the BMP (an emoji, a rare ideograph) is one. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /**
     * Whether every character of {@code value} can be stored as text and written as UTF-8: no control characters other
     * than tab, line feed and carriage return (PostgreSQL text refuses NUL), and no half of a surrogate pair.
     */
    public static boolean storable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)
                    || (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')) {
                return false;
            }
        }
        return true;
    }
}
