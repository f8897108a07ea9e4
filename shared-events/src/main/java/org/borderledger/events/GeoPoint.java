package org.borderledger.events;

/** A WGS84 point in decimal degrees. */
public record GeoPoint(double lat, double lon) {}
