package org.jicha.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * Published (in the transaction that records it) when a nightly or plan run is held because its period's data has
 * not arrived: the auditors are told which station lacks what (notify mails them through the outbox).
 */
public record RunHeld(
        long runId,
        LocalDate asOf,
        String auditedPeriod,
        RunTrigger trigger,
        Long planId,
        String scope,
        List<DataGap> gaps) {

    public RunHeld {
        gaps = List.copyOf(gaps);
    }
}
