package org.borderledger.events;

/**
 * The longest value each kind of field may hold, in characters. The command side refuses longer input at the edge
 * (request bodies, headers, token claims), and every read-model column is at least this wide, so an accepted fact can
 * always be stored, published and projected.
 */
public final class FieldLimits {

    /** Aggregate ids such as {@code AGR-2014-001} or marker {@code 314/1}. */
    public static final int ID = 64;

    /** {@code Idempotency-Key}, {@code X-Request-Id} and correlation ids. */
    public static final int REQUEST_KEY = 128;

    /** The token's {@code sub} and {@code unit} claims. */
    public static final int SUBJECT = 128;

    public static final int UNIT = 128;

    /** An ISO 3166-2 code such as {@code VN-47}. */
    public static final int PROVINCE = 6;

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

    private FieldLimits() {}
}
