package org.borderledger.events.marker;

import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;

/** A marker such as {@code 314} or sub-marker {@code 314/1}, to be built by {@code responsibleSide}. */
public record MarkerPlanned(String markerId, MarkerType type, GeoPoint plannedPoint, Side responsibleSide) {}
