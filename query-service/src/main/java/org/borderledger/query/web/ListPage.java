package org.borderledger.query.web;

import java.util.List;

/**
 * One page of a list ordered by id, with the total number of matching rows and the event position the read model had
 * reached before the page was read (every event up to that position that the page depends on is in it).
 */
public record ListPage<T>(List<T> items, int page, int size, long total, long position) {

    /** The largest page a client may ask for. */
    public static final int MAX_SIZE = 500;

    public static final String DEFAULT_SIZE = "50";

    /** The number of rows to skip for {@code page} of {@code size} rows. */
    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
