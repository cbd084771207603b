package org.jicha.reports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which audit run a report rests on: the latest completed run that audited the period and was not withdrawn, also one
 * that completed with rule errors (issue 11: every rule that did not throw has all its results; the run page lists
 * the errors).
 */
@Component
class ReportRuns {

    /** The run a report rests on; {@code withErrors}: some of its rules threw on some subjects. */
    record RunRef(long id, YearMonth period, LocalDate asOf, String ruleSetHash, LocalDateTime finishedAt,
                  boolean withErrors) {

        /** For the subtitle: 稽查批次 #12（基准日 2026-11-05，规则集 1a2b3c4d5e6f）. */
        String describe() {
            return "稽查批次 #" + id + "（基准日 " + asOf + "，规则集 " + ruleSetHash.substring(0, Math.min(12, ruleSetHash.length()))
                    + (withErrors ? "，部分规则出错，见该批次" : "") + "） / audit run #" + id + " as of " + asOf
                    + (withErrors ? " (some rules threw: see the run)" : "");
        }
    }

    /** The statuses of a run that covered its whole scope, as SQL literals. */
    private static final String COMPLETED = "'COMPLETED', 'COMPLETED_WITH_ERRORS'";

    private final JdbcTemplate jdbc;

    ReportRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RunRef> latestCompleted(YearMonth period) {
        List<RunRef> runs = jdbc.query("SELECT id, audited_period, as_of, rule_set_hash, finished_at, status FROM audit_runs "
                + "WHERE status IN (" + COMPLETED + ") AND withdrawn_at IS NULL AND audited_period = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
                (rs, i) -> new RunRef(rs.getLong(1), YearMonth.parse(rs.getString(2)), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getObject(5, LocalDateTime.class), !"COMPLETED".equals(rs.getString(6))),
                period.toString());
        return runs.stream().findFirst();
    }

    RunRef require(YearMonth period) {
        return latestCompleted(period).orElseThrow(() -> new NoCompletedRunException(period.toString()));
    }

    /** The latest completed run of each of the given months that has one. */
    Map<YearMonth, RunRef> latestOf(YearMonth from, YearMonth to) {
        Map<YearMonth, RunRef> result = new HashMap<>();
        jdbc.query("SELECT id, audited_period, as_of, rule_set_hash, finished_at, status FROM audit_runs WHERE status IN ("
                + COMPLETED + ") AND withdrawn_at IS NULL AND audited_period >= ? AND audited_period <= ? ORDER BY id", rs -> {
                    YearMonth p = YearMonth.parse(rs.getString(2));
                    result.put(p, new RunRef(rs.getLong(1), p, rs.getObject(3, LocalDate.class), rs.getString(4),
                            rs.getObject(5, LocalDateTime.class), !"COMPLETED".equals(rs.getString(6))));
                }, from.toString(), to.toString());
        return result;
    }
}
