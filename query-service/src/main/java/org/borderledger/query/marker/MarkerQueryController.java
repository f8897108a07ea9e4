package org.borderledger.query.marker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.borderledger.events.Side;
import org.borderledger.events.marker.MarkerType;
import org.borderledger.query.position.ReadPosition;
import org.borderledger.query.web.ListPage;
import org.borderledger.query.web.Positioned;
import org.borderledger.query.web.UnknownId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Marker ids contain slashes ({@code 314/1}): look one up as {@code /api/markers/314%2F1} (the encoded slash is kept
 * inside its path segment: {@code LedgerSecurity} lets Tomcat and the firewall pass it) or as {@code /api/markers/by-id?id=314/1}.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Markers", description = "Land border markers: plan, completion, confirmation, damage, repair")
class MarkerQueryController {

    private final MarkerViewRepository views;

    MarkerQueryController(MarkerViewRepository views) {
        this.views = views;
    }

    @GetMapping("/markers")
    @Operation(summary = "List markers ordered by id; filter by status, type and responsible side")
    ListPage<MarkerView> list(
            @RequestParam(required = false) MarkerStatus status,
            @RequestParam(required = false) MarkerType type,
            @RequestParam(required = false) Side side,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = ListPage.DEFAULT_SIZE) @Min(1) @Max(ListPage.MAX_SIZE) int size,
            @RequestAttribute(ReadPosition.ATTRIBUTE) long position) {
        var filter = new MarkerViewRepository.Filter(status, type, side);
        return new ListPage<>(
                views.list(filter, size, ListPage.offset(page, size)), page, size, views.count(filter), position);
    }

    @GetMapping("/markers/{id}")
    @Operation(summary = "One marker; encode the slash of a sub-marker id: /api/markers/314%2F1")
    Positioned<MarkerView> one(@PathVariable String id, @RequestAttribute(ReadPosition.ATTRIBUTE) long position) {
        return find(id, position);
    }

    @GetMapping("/markers/by-id")
    @Operation(summary = "One marker by its id as a query parameter: /api/markers/by-id?id=314/1")
    Positioned<MarkerView> byId(@RequestParam String id, @RequestAttribute(ReadPosition.ATTRIBUTE) long position) {
        return find(id, position);
    }

    @GetMapping(
            value = "/markers.geojson",
            produces = {MarkerGeoJson.MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Markers as a GeoJSON FeatureCollection (surveyed point when known, else planned)")
    MarkerGeoJson geoJson(
            @RequestParam(required = false) MarkerStatus status,
            @RequestParam(required = false) MarkerType type,
            @RequestParam(required = false) Side side,
            @RequestAttribute(ReadPosition.ATTRIBUTE) long position) {
        return MarkerGeoJson.of(views.all(new MarkerViewRepository.Filter(status, type, side)), position);
    }

    private Positioned<MarkerView> find(String id, long position) {
        return views.find(id)
                .map(view -> new Positioned<>(view, position))
                .orElseThrow(() -> new UnknownId("marker", id));
    }
}
