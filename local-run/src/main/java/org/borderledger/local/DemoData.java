package org.borderledger.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.borderledger.events.Provinces;

/**
 * {@code ./run-local.sh --demo}: the facts of the two seed reports (the 2014 cooperation plan of Kiên Giang and Kampot,
 * and the 2024 review of 2022–2023), recorded through the public batch API by the unit that would record each one.
 * Every item has a fixed idempotency key, so running it again records nothing new.
 *
 * <p>After the seed reports, the cooperation of An Giang (formed on 1 July 2025 from Kiên Giang and the earlier An
 * Giang) with Kampot: the memorandum signed in Kampot on 10 October 2025 and the border-gate trade reported there, an
 * estimate for part of 2025, recorded by a unit of An Giang.
 *
 * <p>Where a report gives only a total (44 remains, 22 marker works in 2014), the demo splits it over plausible dates
 * in that year; the totals are the reports'.
 */
final class DemoData {

    static final String KG = "VN-47";
    static final String KP = "KH-7";
    static final String AG = Provinces.AN_GIANG;

    /** The report of the An Giang–Kampot conference of 10 October 2025 (SGGP, 11 October 2025). */
    static final String AN_GIANG_KAMPOT_2025 =
            "https://en.sggp.org.vn/an-giang-kampot-advance-border-trade-cooperation-post120918.html";

    static final String GATE = "HA_TIEN-PREK_CHAK";

    private static final ObjectMapper json = new ObjectMapper();

    /** One batch item. */
    record Item(String type, String target, String key, Map<String, Object> body) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI commandService;

    DemoData(URI commandService) {
        this.commandService = commandService;
    }

    /** Records the seed facts; answers the highest position of the events they were stored as. */
    long record(DemoTokens tokens) throws IOException, InterruptedException {
        List<Item> kienGiangFirst = new ArrayList<>();
        List<Item> kampot = new ArrayList<>();
        List<Item> kienGiangLast = new ArrayList<>();
        agreements(kienGiangFirst);
        repatriation(kienGiangFirst);
        markers(kienGiangFirst, kampot, kienGiangLast);
        indicators(kienGiangFirst);
        List<Item> anGiang = new ArrayList<>();
        anGiangAndKampot2025(anGiang);
        long position = submit(tokens.kienGiang(), kienGiangFirst);
        position = Math.max(position, submit(tokens.kampot(), kampot));
        position = Math.max(position, submit(tokens.kienGiang(), kienGiangLast));
        return Math.max(position, submit(tokens.anGiang(), anGiang));
    }

    /**
     * The memorandum on coordinating and implementing the Viet Nam–Cambodia Border Trade Agreement, signed at the
     * Kampot Provincial Hall on 10 October 2025, and the border-gate import-export between the two provinces since the
     * start of 2025 reported there: "estimated to have exceeded US$7 million", an estimate for part of the year.
     */
    static void anGiangAndKampot2025(List<Item> items) {
        items.add(new Item(
                "SignAgreement",
                null,
                "demo:agreement:AGR-2025-AG-KP-01",
                body(
                        "id",
                        "AGR-2025-AG-KP-01",
                        "title",
                        "Memorandum of understanding on coordinating and implementing the Viet Nam–Cambodia"
                                + " Border Trade Agreement",
                        "parties",
                        List.of(AG, KP),
                        "signedOn",
                        "2025-10-10",
                        "place",
                        "Kampot Provincial Hall",
                        "documentRef",
                        "SGGP 2025-10-11 (" + AN_GIANG_KAMPOT_2025 + "); no end of validity given, the year's"
                                + " end is used",
                        "signatories",
                        List.of(
                                body(
                                        "name",
                                        "Lê Trung Hồ",
                                        "title",
                                        "Vice Chairman of the An Giang Provincial People's Committee",
                                        "province",
                                        AG),
                                body("name", "Khiev Rithiphorn", "title", "Vice Governor of Kampot", "province", KP)),
                        "domains",
                        List.of("TRADE"),
                        "validFrom",
                        "2025-10-10",
                        "validTo",
                        "2025-12-31")));
        Item estimate = indicator(
                "IND-2025-AG-KP-TRADE",
                "TRADE_TURNOVER_USD",
                "2025-01-01",
                "2025-10-10",
                7_000_000,
                null,
                "Estimate, not a final figure: border-gate import-export of An Giang and Kampot since the start of"
                        + " 2025 \"estimated to have exceeded US$7 million\", SGGP 2025-10-11 "
                        + AN_GIANG_KAMPOT_2025);
        estimate.body().put("partnerProvince", KP);
        estimate.body().put("estimate", true);
        items.add(estimate);
    }

    static void agreements(List<Item> items) {
        items.add(new Item(
                "SignAgreement",
                null,
                "demo:agreement:AGR-2014-001",
                body(
                        "id", "AGR-2014-001",
                        "title", "Cooperation plan of Kiên Giang and Kampot provinces",
                        "parties", List.of(KG, KP),
                        "signedOn", "2014-05-26",
                        "place", "Kiên Giang",
                        "documentRef", "VietnamPlus 324638 (2014-05-26)",
                        "signatories",
                                List.of(
                                        body(
                                                "name",
                                                "Leader of Kiên Giang Province",
                                                "title",
                                                "Provincial leadership",
                                                "province",
                                                KG),
                                        body(
                                                "name",
                                                "Leader of Kampot Province",
                                                "title",
                                                "Provincial leadership",
                                                "province",
                                                KP)),
                        "domains",
                                List.of(
                                        "BORDER_SECURITY",
                                        "CRIME_PREVENTION",
                                        "BORDER_DEMARCATION",
                                        "TRADE",
                                        "TOURISM",
                                        "AGRICULTURE_FORESTRY_FISHERIES",
                                        "ENERGY",
                                        "HEALTH",
                                        "CULTURE_AND_SPORT",
                                        "PEOPLE_TO_PEOPLE_EXCHANGE",
                                        "REMAINS_REPATRIATION"),
                        "validFrom", "2014-05-26",
                        "validTo", "2015-12-31")));
        items.add(new Item(
                "SignAgreement",
                null,
                "demo:agreement:AGR-2022-001",
                body(
                        "id", "AGR-2022-001",
                        "title", "Cooperation of Kiên Giang and Kampot provinces 2022-2023",
                        "parties", List.of(KG, KP),
                        "signedOn", "2022-01-01",
                        "place", "Kiên Giang",
                        "documentRef", "signing date not given in the report; the period's start is used",
                        "signatories", List.of(),
                        "domains",
                                List.of(
                                        "BORDER_SECURITY",
                                        "CRIME_PREVENTION",
                                        "TRADE",
                                        "TOURISM",
                                        "ENERGY",
                                        "PEOPLE_TO_PEOPLE_EXCHANGE",
                                        "BORDER_DEMARCATION",
                                        "REMAINS_REPATRIATION"),
                        "validFrom", "2022-01-01",
                        "validTo", "2023-12-31")));
        items.add(new Item(
                "RecordAgreementReview",
                "AGR-2022-001",
                "demo:review:AGR-2022-001:2024-03-25",
                body(
                        "reviewedOn", "2024-03-25",
                        "periodFrom", "2022-01-01",
                        "periodTo", "2023-12-31",
                        "summary",
                                "Two-year review held by the Kiên Giang People's Committee: border and maritime"
                                        + " security cooperation, demarcation and remains repatriation highlighted; official"
                                        + " trade about 256 million USD; directions for 2024 agreed.")));
    }

    static void repatriation(List<Item> items) {
        String id = "REP-2014-KP-01";
        items.add(new Item(
                "OpenRepatriationCase",
                null,
                "demo:case:" + id,
                body("id", id, "season", "2013-2014", "searchProvince", KP)));
        items.add(recovery(id, "2014-03-02", 12, "Kampong Trach", 10.56, 104.47));
        items.add(recovery(id, "2014-04-10", 32, "Chhuk", 10.83, 104.43));
        items.add(repatriation(id, "2014-04-20", 12));
        items.add(repatriation(id, "2014-05-20", 32));
    }

    private static Item recovery(String caseId, String date, int count, String district, double lat, double lon) {
        return new Item(
                "RecordRemainsRecovery",
                caseId,
                "demo:recovery:" + caseId + ":" + date,
                body(
                        "recoveredOn", date,
                        "count", count,
                        "site", body("province", KP, "district", district, "lat", lat, "lon", lon)));
    }

    private static Item repatriation(String caseId, String date, int count) {
        return new Item(
                "RecordRepatriation",
                caseId,
                "demo:repatriation:" + caseId + ":" + date,
                body(
                        "repatriatedOn", date,
                        "count", count,
                        "borderGate", GATE,
                        "receivingUnit", "Kiên Giang Provincial Military Command"));
    }

    /**
     * 22 marker works completed in 2014: markers 303 to 314 and sub-markers 314/1 to 314/10 along the border north of
     * Hà Tiên, half built by each side, each planned and reported by its builder and confirmed by the other side.
     */
    static void markers(List<Item> kienGiangFirst, List<Item> kampot, List<Item> kienGiangLast) {
        List<String> ids = new ArrayList<>();
        for (int number = 303; number <= 314; number++) {
            ids.add(String.valueOf(number));
        }
        for (int sub = 1; sub <= 10; sub++) {
            ids.add("314/" + sub);
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            boolean vietnamBuilds = i % 2 == 0;
            double lat = 10.62 - i * 0.009;
            double lon = 104.78 - i * 0.015;
            LocalDate reported = LocalDate.of(2014, 2, 1).plusDays(7L * i);
            (vietnamBuilds ? kienGiangFirst : kampot)
                    .add(new Item(
                            "PlanMarker",
                            null,
                            "demo:marker:" + id,
                            body(
                                    "id", id,
                                    "type", id.contains("/") ? "SUB" : "MAIN",
                                    "plannedLat", lat,
                                    "plannedLon", lon,
                                    "responsibleSide", vietnamBuilds ? "VN" : "KH")));
            Item report = new Item(
                    "ReportMarkerCompletion",
                    id,
                    "demo:marker-report:" + id,
                    body("completedOn", reported.toString(), "lat", lat + 0.0001, "lon", lon + 0.0002));
            Item confirmation = new Item(
                    "ConfirmMarkerCompletion",
                    id,
                    "demo:marker-confirmation:" + id,
                    body("confirmedOn", reported.plusDays(5).toString()));
            if (vietnamBuilds) {
                kienGiangFirst.add(report);
                kampot.add(confirmation);
            } else {
                kampot.add(report);
                kienGiangLast.add(confirmation);
            }
        }
    }

    static void indicators(List<Item> items) {
        items.add(indicator(
                "IND-2014-TRADE",
                "TRADE_TURNOVER_USD",
                "2014-01-01",
                "2014-12-31",
                101_000_000,
                GATE,
                "VietnamPlus 324638: two-way trade through Hà Tiên and Prek Chak"));
        items.add(indicator(
                "IND-2022-2023-TRADE",
                "TRADE_TURNOVER_USD",
                "2022-01-01",
                "2023-12-31",
                256_000_000,
                null,
                "PLO 782120: official import-export turnover of the two provinces"));
        items.add(indicator(
                "IND-2022-2023-VISITORS-VN-KH",
                "VISITORS_VN_TO_KH",
                "2022-01-01",
                "2023-12-31",
                53_000,
                null,
                "PLO 782120: Kiên Giang visitors to Cambodia"));
        items.add(indicator(
                "IND-2022-2023-VISITORS-KH-VN",
                "VISITORS_KH_TO_VN",
                "2022-01-01",
                "2023-12-31",
                40_000,
                null,
                "PLO 782120: Cambodian visitors to Kiên Giang"));
    }

    private static Item indicator(
            String id, String kind, String from, String to, long value, String gate, String source) {
        Map<String, Object> body =
                body("id", id, "indicator", kind, "periodFrom", from, "periodTo", to, "value", value, "source", source);
        if (gate != null) {
            body.put("borderGate", gate);
        }
        return new Item("ReportIndicator", null, "demo:indicator:" + id, body);
    }

    private long submit(String token, List<Item> items) throws IOException, InterruptedException {
        List<Map<String, Object>> commands = new ArrayList<>();
        for (Item item : items) {
            Map<String, Object> command = body("type", item.type(), "idempotencyKey", item.key(), "body", item.body());
            if (item.target() != null) {
                command.put("target", item.target());
            }
            commands.add(command);
        }
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(commandService.resolve("/api/batches"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body("commands", commands))))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(response.body());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Demo data refused (" + response.statusCode() + "): " + response.body());
        }
        long position = 0;
        for (JsonNode result : answer.get("results")) {
            position = Math.max(position, result.get("position").asLong());
        }
        return position;
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }
}
