package org.jicha.tools.generator.sample;

import org.jicha.tools.generator.Names;

import org.jicha.tools.generator.TariffBook;

import org.jicha.calendar.WorkingDayCalendar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** What every builder of the sample world shares: the rows, the seeded random source, calendar and prices. */
final class World {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);
    static final YearMonth AUDITED = YearMonth.from(AS_OF).minusMonths(1);
    static final YearMonth FIRST_PERIOD = AUDITED.minusMonths(13);
    static final long SEED = 20261105L;
    static final String COUNTY_NAME = "青川";

    /** The 14 rules shipped first: their planted findings go to expected-findings.csv. */
    static final Set<String> SHIPPED_RULES = Set.of("BIL-01", "BIL-03", "BIL-06", "BIL-08", "BUS-01", "BUS-04",
            "INS-06", "INS-08", "MET-01", "MET-06", "EXP-01", "EXP-09", "IMP-01", "IMP-05");

    enum TeamKind { READING, BILLING, COLLECTION, BUSINESS, INSPECTION, INSTALLATION, METERING, EXPANSION, SAFETY }

    /** A 供电所 with its staff by team. */
    static final class Station {
        final String code;
        final String name;
        final int index;
        final Map<TeamKind, List<Batch.Staff>> teams = new EnumMap<>(TeamKind.class);
        Batch.Staff head;
        int nextCustomerSeq = 1;

        Station(String code, String name, int index) {
            this.code = code;
            this.name = name;
            this.index = index;
        }

        List<Batch.Staff> team(TeamKind kind) {
            return teams.get(kind);
        }

        Batch.Staff member(TeamKind kind, int i) {
            List<Batch.Staff> members = teams.get(kind);
            return members.get(Math.floorMod(i, members.size()));
        }

        String nextCustomerNo() {
            return String.format("31%02d%06d", index, nextCustomerSeq++);
        }
    }

    record PlantedCase(String rule, String subjectType, String subjectId, String why) {
        boolean shipped() {
            return SHIPPED_RULES.contains(rule);
        }
    }

    record LookAlike(String name, String subjectType, String subjectId, String silentRules, String why) {
    }

    final Batch batch = new Batch();
    final SplittableRandom random = new SplittableRandom(SEED);
    final WorkingDayCalendar calendar;
    final TariffBook tariffs = TariffBook.sample();
    final Names names = new Names(random.split());
    final List<Station> stations = new ArrayList<>();
    final Map<String, CustomerPlan> plans = new LinkedHashMap<>();
    final List<PlantedCase> planted = new ArrayList<>();
    final List<LookAlike> lookAlikes = new ArrayList<>();
    private final Map<String, Integer> sequences = new LinkedHashMap<>();

    World(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    static List<YearMonth> periods() {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth p = FIRST_PERIOD; !p.isAfter(AUDITED); p = p.plusMonths(1)) {
            out.add(p);
        }
        return out;
    }

    void plant(String rule, String subjectType, String subjectId, String why) {
        planted.add(new PlantedCase(rule, subjectType, subjectId, why));
    }

    void lookAlike(String name, String subjectType, String subjectId, String silentRules, String why) {
        lookAlikes.add(new LookAlike(name, subjectType, subjectId, silentRules, why));
    }

    /** Next number of a per-prefix sequence, e.g. JC20261012 -> 1, 2, ... */
    int next(String prefix) {
        return sequences.merge(prefix, 1, Integer::sum);
    }

    int between(int lowInclusive, int highInclusive) {
        return lowInclusive + random.nextInt(highInclusive - lowInclusive + 1);
    }

    double jitter(double spread) {
        return 1.0 + (random.nextDouble() * 2 - 1) * spread;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    CustomerPlan plan(String customerNo) {
        CustomerPlan plan = plans.get(customerNo);
        if (plan == null) {
            throw new IllegalArgumentException("no customer " + customerNo);
        }
        return plan;
    }

    static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }

    static BigDecimal dec(long v) {
        return BigDecimal.valueOf(v);
    }
}
