package org.borderledger.query.marker;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.LocalDate;
import org.borderledger.events.GeoPoint;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerCompleted;
import org.borderledger.events.marker.MarkerPlanned;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.query.EventFeed;
import org.borderledger.query.QueryWebTest;
import org.borderledger.query.readmodel.ReadModelWrites;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@QueryWebTest
class MarkerQueryControllerTest {

    @Autowired
    MockMvc http;

    @Autowired
    ReadModelWrites writes;

    @BeforeEach
    void recordMarkers() {
        EventFeed feed = new EventFeed(new MarkerProjection(writes));
        feed.publish("WEB-314/1", MarkerProjectionTest.planned("WEB-314/1"));
        feed.publish("WEB-314/1", MarkerProjectionTest.reported("WEB-314/1"));
        feed.publish("WEB-314/1", new MarkerCompleted("WEB-314/1", LocalDate.of(2014, 8, 15), Side.KH));
        feed.publish("WEB-315", new MarkerPlanned("WEB-315", MarkerType.MAIN, new GeoPoint(10.5, 104.6), Side.KH));
    }

    @Test
    void findsAMarkerWhoseIdHasASlashByItsEncodedId() throws Exception {
        http.perform(get(URI.create("/api/markers/WEB-314%2F1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("WEB-314/1"))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.confirmedOn").value("2014-08-15"));
    }

    @Test
    void findsAMarkerByIdAsQueryParameter() throws Exception {
        http.perform(get("/api/markers/by-id").param("id", "WEB-314/1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("WEB-314/1"));
    }

    @Test
    void anUnknownMarkerIsANotFoundProblem() throws Exception {
        http.perform(get(URI.create("/api/markers/999%2F9")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No marker with id '999/9'"));
    }

    @Test
    void filtersTheList() throws Exception {
        http.perform(get("/api/markers").param("side", "KH").param("type", "MAIN"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", contains("WEB-315")))
                .andExpect(jsonPath("$.total").value(1));
        http.perform(get("/api/markers").param("status", "BUILT"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields", contains("status")));
    }

    @Test
    void mapsMarkersAsGeoJsonPointsAtTheSurveyedElseThePlannedPoint() throws Exception {
        http.perform(get("/api/markers.geojson"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.position").isNumber())
                .andExpect(jsonPath("$.features[?(@.id == 'WEB-314/1')].geometry.coordinates[0]")
                        .value(contains(104.4902)))
                .andExpect(jsonPath("$.features[?(@.id == 'WEB-314/1')].geometry.coordinates[1]")
                        .value(contains(10.4201)))
                .andExpect(jsonPath("$.features[?(@.id == 'WEB-315')].geometry.coordinates[0]")
                        .value(contains(104.6)))
                .andExpect(jsonPath("$.features[?(@.id == 'WEB-315')].properties.status")
                        .value(contains("PLANNED")))
                .andExpect(jsonPath("$.features[?(@.id == 'WEB-315')].geometry.type")
                        .value(contains("Point")));
    }
}
