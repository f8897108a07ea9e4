package org.borderledger.events.agreement;

/** The fields of cooperation an agreement covers. */
public enum CooperationDomain {
    BORDER_SECURITY,
    CRIME_PREVENTION,
    TRADE,
    TOURISM,
    ENERGY,
    HEALTH,
    AGRICULTURE_FORESTRY_FISHERIES,
    CULTURE_AND_SPORT,
    PEOPLE_TO_PEOPLE_EXCHANGE,
    REMAINS_REPATRIATION,
    BORDER_DEMARCATION
}
