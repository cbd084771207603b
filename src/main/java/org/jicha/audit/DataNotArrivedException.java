package org.jicha.audit;

import java.time.LocalDate;

/**
 * A person's run-now refused because the audited period's data has not arrived (HTTP 409 with the figures per
 * station); an auditor may force it with a reason.
 */
public class DataNotArrivedException extends RuntimeException {

    private final LocalDate asOf;
    private final transient DataArrival.Verdict verdict;

    public DataNotArrivedException(LocalDate asOf, DataArrival.Verdict verdict) {
        super("数据未到齐，未启动稽查（稽查人员可说明理由后强制执行） / the data has not arrived; the run was not started "
                + "(an auditor may force it with a reason): " + verdict.describe());
        this.asOf = asOf;
        this.verdict = verdict;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public DataArrival.Verdict verdict() {
        return verdict;
    }
}
