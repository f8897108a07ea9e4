package org.borderledger.command.marker;

import java.util.Collection;
import org.borderledger.command.NotEntitled;
import org.borderledger.command.ProblemType;

/**
 * A marker's later life is recorded by its provinces: damage by the province that planned and built it or the one
 * that confirmed it, a repair by the province that built it.
 */
@ProblemType("marker-of-another-province")
class MarkerOfAnotherProvince extends NotEntitled {

    MarkerOfAnotherProvince(String markerId, String province, Collection<String> entitled) {
        super("Marker " + markerId + " is recorded by " + String.join(" and ", entitled) + ", not by " + province);
    }
}
