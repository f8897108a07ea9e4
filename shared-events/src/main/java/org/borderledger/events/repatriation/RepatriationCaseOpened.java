package org.borderledger.events.repatriation;

/**
 * A search case for one season. {@code openedByProvince} is the province of the unit that opened it; the case
 * belongs to that province and to {@code searchProvince}.
 */
public record RepatriationCaseOpened(
        String caseId, String season, String searchProvince, String searchingUnit, String openedByProvince) {}
