package org.jicha.audit;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.jicha.records.StationSupply;
import org.springframework.stereotype.Component;

/**
 * Has the extract of a period arrived? Per station (of a run's scope) with in-service meters: readings of the
 * period for at least {@code jicha.audit.arrival.min-reading-share} of its in-service meters and bills of the
 * period for at least {@code min-bill-share} of its metered customers. A station without in-service meters is
 * not judged. Also proposes the as-of date of a person's run: the latest period whose data has arrived.
 */
@Component
class DataArrival {

    /** How far back the proposal looks for a complete period. */
    static final int PROPOSAL_MONTHS = 24;

    private final StationSupply supply;
    private final ArrivalProperties properties;

    DataArrival(StationSupply supply, ArrivalProperties properties) {
        this.supply = supply;
        this.properties = properties;
    }

    /**
     * What the check found for one period: how many stations it judged (those with in-service meters) and those that
     * lack data (none: the period may be audited).
     */
    public record Verdict(String period, int stationsJudged, List<DataGap> gaps) {

        public Verdict {
            gaps = List.copyOf(gaps);
        }

        public boolean complete() {
            return gaps.isEmpty();
        }

        /** For the run's message, the trail and the mail: 稽查月份 2026-11 数据未到：城关供电所（ST01）：抄表 ... */
        public String describe() {
            String text = describeZh() + " / " + describeEn();
            return text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
        }

        /** The Chinese half of {@link #describe()}. */
        public String describeZh() {
            StringBuilder zh = new StringBuilder("稽查月份 " + period + " 的数据未到齐：");
            for (int i = 0; i < gaps.size(); i++) {
                zh.append(i == 0 ? "" : "；").append(gaps.get(i).describeZh());
            }
            return zh.toString();
        }

        /** The English half of {@link #describe()}. */
        public String describeEn() {
            StringBuilder en = new StringBuilder("the data of " + period + " has not arrived: ");
            for (int i = 0; i < gaps.size(); i++) {
                en.append(i == 0 ? "" : "; ").append(gaps.get(i).describeEn());
            }
            return en.toString();
        }
    }

    /** The as-of date a person's run should use, the period it audits, and why. */
    public record Proposal(LocalDate asOf, String period, Verdict today) {}

    /**
     * Checks the period for the stations of a scope ({@code stations}: null = every station).
     */
    public Verdict check(YearMonth period, Set<String> stations) {
        List<StationSupply.Counts> judged =
                supply.of(period, stations).stream().filter(c -> c.meters() > 0).toList();
        List<DataGap> gaps = judged.stream()
                .map(c -> new DataGap(
                        c.stationCode(), c.stationName(), c.meters(), c.readings(), c.customers(), c.bills()))
                .filter(g ->
                        g.readingShare() < properties.minReadingShare() || g.billShare() < properties.minBillShare())
                .toList();
        return new Verdict(period.toString(), judged.size(), gaps);
    }

    /**
     * The as-of date to propose on {@code today}: today when the period it audits (the month before) has arrived;
     * else, in the month after the latest period that has, the day after that period's last reading or bill was
     * dated (its extract was complete then; e.g. 2026-11-05 for readings taken up to the 3rd and billed the next
     * day), a period with metered stations only, never before the 1st of that month, after its last day, nor after today. With no complete period in
     * {@value #PROPOSAL_MONTHS} months, today.
     */
    public Proposal propose(LocalDate today) {
        YearMonth current = YearMonth.from(today).minusMonths(1);
        Verdict now = check(current, null);
        if (now.complete()) {
            return new Proposal(today, current.toString(), now);
        }
        for (int back = 1; back <= PROPOSAL_MONTHS; back++) {
            YearMonth period = current.minusMonths(back);
            Verdict earlier = check(period, null);
            if (earlier.complete() && earlier.stationsJudged() > 0) {
                YearMonth next = period.plusMonths(1);
                LocalDate last = supply.lastDatedIn(period);
                LocalDate asOf = last == null ? next.atDay(1) : last.plusDays(1);
                if (asOf.isBefore(next.atDay(1))) {
                    asOf = next.atDay(1);
                }
                if (asOf.isAfter(next.atEndOfMonth())) {
                    asOf = next.atEndOfMonth();
                }
                return new Proposal(asOf.isAfter(today) ? today : asOf, period.toString(), now);
            }
        }
        return new Proposal(today, current.toString(), now);
    }
}
