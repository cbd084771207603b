package org.jicha.tools.generator.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jicha.calendar.WorkingDayCalendar;
import org.jicha.tools.generator.Names;
import org.jicha.tools.generator.Organisation;
import org.jicha.tools.generator.Organisation.TeamKind;
import org.jicha.tools.generator.TariffBook;

/** What every builder of the sample world shares: the rows, the seeded random source, calendar and prices. */
final class World {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);
    static final YearMonth AUDITED = YearMonth.from(AS_OF).minusMonths(1);
    static final YearMonth FIRST_PERIOD = AUDITED.minusMonths(13);
    static final long SEED = 20261105L;
    static final String COUNTY_NAME = "青川";

    /** The 14 rules shipped first: their planted findings go to expected-findings.csv. */
    static final Set<String> SHIPPED_RULES = Set.of(
            "BIL-01", "BIL-03", "BIL-06", "BIL-08", "BUS-01", "BUS-04", "INS-06", "INS-08", "MET-01", "MET-06",
            "EXP-01", "EXP-09", "IMP-01", "IMP-05");

    /** A 供电所 of the county tree with the numbering of its customers. */
    static final class Station {
        final String code;
        /** Short name, e.g. 城关供电所. */
        final String name;
        /** 1-based. */
        final int index;

        final String head;
        private final Organisation.Station unit;
        int nextCustomerSeq = 1;

        Station(Organisation.Station unit) {
            this.unit = unit;
            this.code = unit.code();
            this.name = unit.place() + "供电所";
            this.index = unit.index() + 1;
            this.head = unit.head();
        }

        /** Staff id of member {@code i} of a team, counting round. */
        String member(TeamKind kind, int i) {
            return unit.member(kind, i);
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

    record LookAlike(String name, String subjectType, String subjectId, String silentRules, String why) {}

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

    /** Draws the county's unit tree ({@link Organisation#county}) into the batch: staff QCYX001.., unique names. */
    void organise() {
        Organisation organisation = Organisation.county(new Organisation.Rows() {
            @Override
            public void unit(String code, String name, String parentCode, String type, String teamKind) {
                Batch.Unit u = new Batch.Unit();
                u.code = code;
                u.name = name;
                u.parentCode = parentCode;
                u.type = type;
                u.teamKind = teamKind;
                batch.units.add(u);
            }

            @Override
            public String staff(String unitCode, String role) {
                Batch.Staff s = new Batch.Staff();
                s.id = String.format("QCYX%03d", next("STAFF"));
                s.name = names.person();
                s.unitCode = unitCode;
                s.role = role;
                batch.staff.add(s);
                return s.id;
            }
        });
        for (Organisation.Station station : organisation.stations()) {
            stations.add(new Station(station));
        }
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
