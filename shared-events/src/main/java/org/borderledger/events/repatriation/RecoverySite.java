package org.borderledger.events.repatriation;

import org.borderledger.events.GeoPoint;

/** Where remains were found; {@code point} may be {@code null} when no survey was made. */
public record RecoverySite(String province, String district, String commune, GeoPoint point) {}
