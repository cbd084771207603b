package org.jicha.ingest;

import java.time.LocalDateTime;

/** One line of the list of loads, newest first. */
public record LoadSummary(
        long id,
        String batchName,
        LoadStatus status,
        int filesLoaded,
        int filesFailed,
        long rowsAccepted,
        long rowsRejected,
        LocalDateTime startedAt,
        LocalDateTime finishedAt) {}
