package org.borderledger.command.web;

import org.borderledger.command.ProblemType;
import org.borderledger.command.StateConflict;

/**
 * Ids are one namespace across agreements, repatriation cases, markers and indicators: a new aggregate cannot take an
 * id that any aggregate already has, whatever its type.
 */
@ProblemType("already-exists")
public class AlreadyExists extends StateConflict {

    public AlreadyExists(String id, String existingType) {
        super(
                "Id '" + id + "' is already used by a " + existingType
                        + "; ids are unique across agreements, repatriation cases, markers and indicators",
                "id");
        arguments(id, term("aggregate." + existingType, existingType));
    }
}
