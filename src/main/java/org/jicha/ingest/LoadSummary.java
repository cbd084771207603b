package org.jicha.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One line of the list of loads, newest first. {@code startedAt} and {@code finishedAt} are read on the loader's
 * clock, in UTC (the stamps the incremental runs compare with {@code changed_at}).
 */
public record LoadSummary(
        long id,
        String batchName,
        LoadStatus status,
        int filesLoaded,
        int filesFailed,
        long rowsAccepted,
        long rowsRejected,
        LocalDateTime startedAt,
        LocalDateTime finishedAt) {

    /** When the load started, as an instant (for the pages, which show it in the people's zone). */
    public Instant startedInstant() {
        return startedAt == null ? null : startedAt.toInstant(ZoneOffset.UTC);
    }
}
