package org.borderledger.query.rebuild;

import java.util.List;
import org.borderledger.query.web.LedgerProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Another replay or consistency check holds the read models; its status is linked ({@code Link: rel="related"}). */
public final class ReadModelsBusy extends LedgerProblem {

    private final HttpHeaders headers = new HttpHeaders();

    public ReadModelsBusy(ReadModelLock.Holder holder) {
        super(
                HttpStatus.CONFLICT,
                "read-models-busy",
                "A replay or consistency check is running",
                (holder.kind() == ReadModelLock.Kind.REPLAY ? "Replay " : "Consistency check ") + holder.jobId()
                        + " is running; one replay or consistency check runs at a time",
                List.of());
        headers.set(HttpHeaders.LINK, "<" + pathOf(holder) + ">; rel=\"related\"");
    }

    /** Where the status of the job holding the lock is read. */
    public static String pathOf(ReadModelLock.Holder holder) {
        return (holder.kind() == ReadModelLock.Kind.REPLAY ? "/api/admin/replays/" : "/api/admin/consistency-checks/")
                + holder.jobId();
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }
}
