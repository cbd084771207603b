package org.jicha.tools.compare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jicha.facts.AuditContext;
import org.jicha.rules.RuleParameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * BIL-01, 02, 06, 07 and 08 as SQL only: one query per rule over the contract tables, portable between H2 and
 * PostgreSQL (CTEs, {@code VALUES}, {@code ROW_NUMBER()}), with the thresholds of {@code rules/parameters.yml}
 * bound as parameters. Each query reproduces the DRL rule together with the derivations {@code FactAssembler}
 * makes for it (docs/rules/bil-a.md, docs/RULES.md), exemptions included: a MISSED reading carries no
 * consumption, the history window is the 12 periods before the audited one, the explaining applications
 * (not CANCELLED) of BIL-06 and BIL-07, the tariff version valid on the period's last day else its first.
 */
@Component
public class SqlChecks {

    /** Periods of history the facts hold before the audited one (FactAssembler.HISTORY_PERIODS). */
    static final int HISTORY = 12;

    private final JdbcTemplate jdbc;

    public SqlChecks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The five checks as of {@code ctx}'s date, for its audited period. */
    public SortedSet<CheckFinding> run(AuditContext ctx, RuleParameters params) {
        SortedSet<CheckFinding> found = new TreeSet<>();
        found.addAll(bil01(ctx));
        found.addAll(bil02(ctx, params));
        found.addAll(bil06(ctx, params));
        found.addAll(bil07(ctx, params));
        found.addAll(bil08(ctx));
        return found;
    }

    /** IN_SERVICE meter of an ACTIVE customer, both older than the period, without a reading of it or a MISSED one. */
    List<CheckFinding> bil01(AuditContext ctx) {
        String period = ctx.getAuditedPeriod();
        return jdbc.query(
                """
                SELECT m.meter_id
                  FROM meters m
                  JOIN customers c ON c.customer_no = m.customer_no
                  LEFT JOIN readings r ON r.meter_id = m.meter_id AND r.period = ?
                 WHERE m.status = 'IN_SERVICE' AND c.status = 'ACTIVE'
                   AND c.opened_on < ? AND m.installed_on < ?
                   AND (r.meter_id IS NULL OR r.read_type = 'MISSED')
                """,
                (rs, i) -> new CheckFinding("BIL-01", "METER", rs.getString(1), period),
                period,
                ctx.getPeriodStart(),
                ctx.getPeriodStart());
    }

    /**
     * IN_SERVICE meter of an ACTIVE customer: audited and preceding period both ESTIMATED, or the last ACTUAL/REMOTE
     * read (of the periods the facts hold, read on or before the as-of date) older than the limit, or none and the
     * meter installed before it.
     */
    List<CheckFinding> bil02(AuditContext ctx, RuleParameters params) {
        String period = ctx.getAuditedPeriod();
        LocalDate limit = ctx.daysAgo(params.integer("BIL-02.maxDaysSinceActualRead"));
        return jdbc.query(
                """
                WITH last_actual AS (
                    SELECT r.meter_id, MAX(r.read_on) AS read_on
                      FROM readings r
                     WHERE r.period >= ? AND r.read_type IN ('ACTUAL', 'REMOTE') AND r.read_on <= ?
                     GROUP BY r.meter_id)
                SELECT m.meter_id
                  FROM meters m
                  JOIN customers c ON c.customer_no = m.customer_no
                  LEFT JOIN readings a ON a.meter_id = m.meter_id AND a.period = ?
                  LEFT JOIN readings p ON p.meter_id = m.meter_id AND p.period = ?
                  LEFT JOIN last_actual l ON l.meter_id = m.meter_id
                 WHERE m.status = 'IN_SERVICE' AND c.status = 'ACTIVE'
                   AND ((a.read_type = 'ESTIMATED' AND p.read_type = 'ESTIMATED')
                        OR (l.read_on IS NOT NULL AND l.read_on < ?)
                        OR (l.read_on IS NULL AND m.installed_on < ?))
                """,
                (rs, i) -> new CheckFinding("BIL-02", "METER", rs.getString(1), period),
                firstPeriod(ctx),
                ctx.getAsOf(),
                period,
                ctx.auditedMonth().minusMonths(1).toString(),
                limit,
                limit);
    }

    /**
     * ACTIVE customer whose run of zero periods (a period's consumption = sum over the customer's non-MISSED
     * readings; a period without one ends the run) ends at the audited period and is long enough for its voltage,
     * with no PAUSE / CAPACITY_REDUCE application (not CANCELLED) accepted from the lookback before the run's first
     * day to the end of the audited period. Runs are found as islands: period index minus row number.
     */
    List<CheckFinding> bil06(AuditContext ctx, RuleParameters params) {
        String period = ctx.getAuditedPeriod();
        int lookback = params.integer("BIL-06.applicationLookbackDays");
        double hv = params.decimal("BIL-06.hvThresholdKv");
        return jdbc.query(
                "WITH win (period, idx, lookback_from) AS (VALUES " + window(ctx, lookback) + "),\n"
                        + CONSUMPTION + """
                , zero AS (
                    SELECT pk.customer_no, w.idx, w.idx - ROW_NUMBER() OVER (PARTITION BY pk.customer_no ORDER BY w.idx) AS island
                      FROM period_kwh pk JOIN win w ON w.period = pk.period
                     WHERE pk.kwh = 0)
                , streak AS (
                    SELECT customer_no, island, COUNT(*) AS periods, MIN(idx) AS first_idx, MAX(idx) AS last_idx
                      FROM zero GROUP BY customer_no, island)
                SELECT c.customer_no
                  FROM streak s
                  JOIN customers c ON c.customer_no = s.customer_no
                  JOIN win w ON w.idx = s.first_idx
                 WHERE s.last_idx = ? AND c.status = 'ACTIVE'
                   AND ((c.voltage_kv < ? AND s.periods >= ?) OR (c.voltage_kv >= ? AND s.periods >= ?))
                   AND NOT EXISTS (
                       SELECT 1 FROM applications a
                        WHERE a.customer_no = c.customer_no AND a.status <> 'CANCELLED'
                          AND a.app_type IN ('PAUSE', 'CAPACITY_REDUCE')
                          AND CAST(a.accepted_at AS DATE) >= w.lookback_from AND CAST(a.accepted_at AS DATE) <= ?)
                """,
                (rs, i) -> new CheckFinding("BIL-06", "CUSTOMER", rs.getString(1), period),
                firstPeriod(ctx),
                period,
                HISTORY,
                hv,
                params.integer("BIL-06.minPeriodsBelowHv"),
                hv,
                params.integer("BIL-06.minPeriodsHv"),
                ctx.getPeriodEnd());
    }

    /**
     * ACTIVE customer with enough history periods and a high enough history average for its voltage, a positive
     * same month last year, and both deviations above their shares, unless an explaining application (not
     * CANCELLED) was accepted from the lookback before the period to its end. The shares are compared multiplied
     * out (|this x n - total| > share x total), so no division rounds differently on either database.
     */
    List<CheckFinding> bil07(AuditContext ctx, RuleParameters params) {
        String period = ctx.getAuditedPeriod();
        double hv = params.decimal("BIL-07.hvThresholdKv");
        List<String> types = Arrays.stream(
                        params.text("BIL-07.explainingAppTypes").split("\\s*,\\s*"))
                .filter(t -> !t.isBlank())
                .toList();
        List<Object> args = new ArrayList<>(List.of(
                firstPeriod(ctx),
                period,
                firstPeriod(ctx),
                period,
                period,
                firstPeriod(ctx),
                params.integer("BIL-07.minHistoryMonths"),
                hv,
                decimal(params.decimal("BIL-07.minHistoryAverageBelowHv")),
                hv,
                decimal(params.decimal("BIL-07.minHistoryAverageHv")),
                decimal(params.decimal("BIL-07.maxHistoryDeviationShare")),
                decimal(params.decimal("BIL-07.maxSameMonthDeviationShare"))));
        args.addAll(types);
        args.add(ctx.getPeriodStart().minusDays(params.integer("BIL-07.applicationLookbackDays")));
        args.add(ctx.getPeriodEnd());
        String typeList = types.stream().map(t -> "?").collect(Collectors.joining(", "));
        return jdbc.query(
                "WITH " + CONSUMPTION + """
                , history AS (
                    SELECT customer_no, COUNT(*) AS n, SUM(kwh) AS total
                      FROM period_kwh WHERE period >= ? AND period < ? GROUP BY customer_no)
                SELECT c.customer_no
                  FROM customers c
                  JOIN history h ON h.customer_no = c.customer_no
                  JOIN period_kwh cur ON cur.customer_no = c.customer_no AND cur.period = ?
                  JOIN period_kwh ly ON ly.customer_no = c.customer_no AND ly.period = ?
                 WHERE c.status = 'ACTIVE' AND h.n >= ? AND ly.kwh > 0 AND h.total <> 0
                   AND ((c.voltage_kv < ? AND h.total >= ? * h.n) OR (c.voltage_kv >= ? AND h.total >= ? * h.n))
                   AND ABS(cur.kwh * h.n - h.total) > ? * h.total
                   AND ABS(cur.kwh - ly.kwh) > ? * ly.kwh
                   AND NOT EXISTS (
                       SELECT 1 FROM applications a
                        WHERE a.customer_no = c.customer_no AND a.status <> 'CANCELLED'
                          AND a.app_type IN (""" + typeList + """
                )
                          AND CAST(a.accepted_at AS DATE) >= ? AND CAST(a.accepted_at AS DATE) <= ?)
                """,
                (rs, i) -> new CheckFinding("BIL-07", "CUSTOMER", rs.getString(1), period),
                args.toArray());
    }

    /**
     * Audited-period bill of a stored customer whose tariff code is not the customer's, or whose applied tariff
     * version (valid on the period's last day, else its first; the earliest such version) is of another category.
     */
    List<CheckFinding> bil08(AuditContext ctx) {
        String period = ctx.getAuditedPeriod();
        LocalDate start = ctx.getPeriodStart();
        LocalDate end = ctx.getPeriodEnd();
        return jdbc.query(
                """
                SELECT b.bill_no, b.period
                  FROM bills b
                  JOIN customers c ON c.customer_no = b.customer_no
                  LEFT JOIN tariffs te ON te.tariff_code = b.tariff_code AND te.valid_from = (
                       SELECT MIN(t.valid_from) FROM tariffs t WHERE t.tariff_code = b.tariff_code
                          AND t.valid_from <= ? AND (t.valid_to IS NULL OR t.valid_to >= ?))
                  LEFT JOIN tariffs ts ON ts.tariff_code = b.tariff_code AND ts.valid_from = (
                       SELECT MIN(t.valid_from) FROM tariffs t WHERE t.tariff_code = b.tariff_code
                          AND t.valid_from <= ? AND (t.valid_to IS NULL OR t.valid_to >= ?))
                 WHERE b.period = ?
                   AND (b.tariff_code <> c.tariff_code
                        OR COALESCE(te.customer_category, ts.customer_category) <> c.category)
                """,
                (rs, i) -> new CheckFinding("BIL-08", "BILL", rs.getString(1), rs.getString(2)),
                end,
                end,
                start,
                start,
                period);
    }

    /** Consumption per customer and period from the first history period to the audited one; MISSED has none. */
    private static final String CONSUMPTION = """
            period_kwh AS (
                SELECT m.customer_no, r.period, SUM(r.consumption_kwh) AS kwh
                  FROM readings r JOIN meters m ON m.meter_id = r.meter_id
                 WHERE r.period >= ? AND r.period <= ? AND r.read_type <> 'MISSED'
                 GROUP BY m.customer_no, r.period)
            """;

    /** The 13 periods as literal rows (period, index from the first, first day minus the lookback). */
    private static String window(AuditContext ctx, int lookbackDays) {
        YearMonth first = ctx.auditedMonth().minusMonths(HISTORY);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i <= HISTORY; i++) {
            YearMonth p = first.plusMonths(i);
            rows.add("('" + p + "', " + i + ", DATE '" + p.atDay(1).minusDays(lookbackDays) + "')");
        }
        return String.join(", ", rows);
    }

    private static String firstPeriod(AuditContext ctx) {
        return ctx.auditedMonth().minusMonths(HISTORY).toString();
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }
}
