package org.borderledger.query.deadletter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.borderledger.events.FieldLimits;

/** Why an admin discards a parked record; kept with it. */
record DiscardRequest(@NotBlank @Size(max = FieldLimits.TEXT) String reason) {}
