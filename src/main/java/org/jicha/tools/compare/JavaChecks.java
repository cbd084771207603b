package org.jicha.tools.compare;

import java.time.LocalDate;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jicha.audit.AuditService;
import org.jicha.facts.AuditContext;
import org.jicha.facts.BillFact;
import org.jicha.facts.CustomerFact;
import org.jicha.facts.MeterFact;
import org.jicha.rules.RuleParameters;
import org.springframework.stereotype.Component;

/**
 * BIL-01, 02, 06, 07 and 08 as a plain Java loop over the facts the Drools pipeline sees: the same batches
 * ({@link AuditService#forEachFactBatch}) assembled by the same {@code FactAssembler}, each DRL condition written
 * out by hand against the same derived fields and parameters (rules/bil/reading.drl, consumption.drl,
 * pricing.drl).
 */
@Component
public class JavaChecks {

    private final AuditService audits;

    public JavaChecks(AuditService audits) {
        this.audits = audits;
    }

    /** Reads and assembles every batch as a run does and checks it. */
    public SortedSet<CheckFinding> run(AuditContext ctx, RuleParameters params) {
        SortedSet<CheckFinding> found = new TreeSet<>();
        audits.forEachFactBatch(ctx, facts -> check(ctx, params, facts, found));
        return found;
    }

    /** Checks one batch of facts, adding what fires to {@code found}. */
    public static void check(
            AuditContext ctx, RuleParameters params, Collection<?> facts, Collection<CheckFinding> found) {
        String period = ctx.getAuditedPeriod();
        LocalDate actualReadLimit = ctx.daysAgo(params.integer("BIL-02.maxDaysSinceActualRead"));
        for (Object fact : facts) {
            if (fact instanceof MeterFact m) {
                if (bil01(m, ctx)) {
                    found.add(new CheckFinding("BIL-01", "METER", m.getMeterId(), period));
                }
                if (bil02(m, actualReadLimit)) {
                    found.add(new CheckFinding("BIL-02", "METER", m.getMeterId(), period));
                }
            } else if (fact instanceof CustomerFact c) {
                if (bil06(c, ctx, params)) {
                    found.add(new CheckFinding("BIL-06", "CUSTOMER", c.getCustomerNo(), period));
                }
                if (bil07(c, ctx, params)) {
                    found.add(new CheckFinding("BIL-07", "CUSTOMER", c.getCustomerNo(), period));
                }
            } else if (fact instanceof BillFact b && bil08(b)) {
                found.add(new CheckFinding("BIL-08", "BILL", b.getBillNo(), b.getPeriod()));
            }
        }
    }

    static boolean bil01(MeterFact m, AuditContext ctx) {
        return m.isInService()
                && m.isCustomerActive()
                && m.getCustomerOpenedOn().isBefore(ctx.getPeriodStart())
                && m.getInstalledOn().isBefore(ctx.getPeriodStart())
                && (m.getAuditedReadType() == null || "MISSED".equals(m.getAuditedReadType()));
    }

    static boolean bil02(MeterFact m, LocalDate limit) {
        if (!m.isInService() || !m.isCustomerActive()) {
            return false;
        }
        boolean twiceEstimated =
                "ESTIMATED".equals(m.getAuditedReadType()) && "ESTIMATED".equals(m.getPrecedingReadType());
        LocalDate lastActual = m.getLastActualReadOn();
        boolean notReadForReal = lastActual != null
                ? lastActual.isBefore(limit)
                : m.getInstalledOn().isBefore(limit);
        return twiceEstimated || notReadForReal;
    }

    static boolean bil06(CustomerFact c, AuditContext ctx, RuleParameters params) {
        int streak = c.getZeroStreak();
        if (!c.isActive() || streak <= 0) {
            return false;
        }
        boolean hv = c.getVoltageKv() >= params.decimal("BIL-06.hvThresholdKv");
        if (streak < params.integer(hv ? "BIL-06.minPeriodsHv" : "BIL-06.minPeriodsBelowHv")) {
            return false;
        }
        return !c.hasApplicationAccepted(
                "PAUSE,CAPACITY_REDUCE",
                c.getZeroStreakStart().minusDays(params.integer("BIL-06.applicationLookbackDays")),
                ctx.getPeriodEnd());
    }

    static boolean bil07(CustomerFact c, AuditContext ctx, RuleParameters params) {
        Double history = c.getHistoryDeviationShare();
        Double sameMonth = c.getSameMonthDeviationShare();
        if (!c.isActive()
                || c.getHistoryMonths() < params.integer("BIL-07.minHistoryMonths")
                || history == null
                || sameMonth == null) {
            return false;
        }
        boolean hv = c.getVoltageKv() >= params.decimal("BIL-07.hvThresholdKv");
        double minAverage = params.decimal(hv ? "BIL-07.minHistoryAverageHv" : "BIL-07.minHistoryAverageBelowHv");
        return c.getHistoryAverageKwh() >= minAverage
                && history > params.decimal("BIL-07.maxHistoryDeviationShare")
                && sameMonth > params.decimal("BIL-07.maxSameMonthDeviationShare")
                && !c.hasApplicationAccepted(
                        params.text("BIL-07.explainingAppTypes"),
                        ctx.getPeriodStart().minusDays(params.integer("BIL-07.applicationLookbackDays")),
                        ctx.getPeriodEnd());
    }

    static boolean bil08(BillFact b) {
        return b.isInAuditedPeriod()
                && (!b.getTariffCode().equals(b.getCustomerTariffCode())
                        || (b.isAppliedTariffFound()
                                && !b.getAppliedTariffCategory().equals(b.getCustomerCategory())));
    }
}
