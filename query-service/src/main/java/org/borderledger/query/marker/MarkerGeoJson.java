package org.borderledger.query.marker;

import java.util.List;

/**
 * Markers as a GeoJSON (RFC 7946) FeatureCollection: one Point feature per marker, at the surveyed point when one was
 * reported, else at the planned point ({@code null} geometry when neither is known), with the marker's view as its
 * properties. {@code position} is a foreign member: the event position the collection reflects.
 */
record MarkerGeoJson(String type, List<Feature> features, long position) {

    static final String MEDIA_TYPE = "application/geo+json";

    static MarkerGeoJson of(List<MarkerView> markers, long position) {
        return new MarkerGeoJson(
                "FeatureCollection",
                markers.stream()
                        .map(marker -> new Feature("Feature", marker.id(), Point.of(marker), marker))
                        .toList(),
                position);
    }

    record Feature(String type, String id, Point geometry, MarkerView properties) {}

    /** GeoJSON coordinates are longitude first. */
    record Point(String type, List<Double> coordinates) {

        static Point of(MarkerView marker) {
            if (marker.surveyedLat() != null && marker.surveyedLon() != null) {
                return new Point("Point", List.of(marker.surveyedLon(), marker.surveyedLat()));
            }
            if (marker.plannedLat() != null && marker.plannedLon() != null) {
                return new Point("Point", List.of(marker.plannedLon(), marker.plannedLat()));
            }
            return null;
        }
    }
}
