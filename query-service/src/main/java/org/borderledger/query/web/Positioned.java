package org.borderledger.query.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A single read model entry with the event position the read models had reached before it was read, written as the
 * entry's own fields plus {@code position}.
 */
public record Positioned<T>(@JsonUnwrapped T item, long position) {}
