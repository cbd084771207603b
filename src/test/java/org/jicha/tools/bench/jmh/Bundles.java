package org.jicha.tools.bench.jmh;

import static org.jicha.facts.fixtures.Fixtures.aBill;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.aMeter;
import static org.jicha.facts.fixtures.Fixtures.readings;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jicha.calendar.CalendarFile;
import org.jicha.facts.AuditContext;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.jicha.facts.fixtures.BundleBuilder;
import org.jicha.facts.fixtures.CustomerBuilder;
import org.jicha.facts.fixtures.MeterBuilder;

/**
 * Customer bundles shaped like a generated batch's residential customer: one meter, 13 months of readings and
 * bills, audited 2026-10 as of 2026-11-05. Deterministic per seed.
 */
final class Bundles {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);
    static final int MONTHS = 13;

    private Bundles() {}

    static AuditContext context() {
        return AuditContext.asOf(AS_OF, CalendarFile.read(Path.of("rules/calendar/cn-working-days.csv")));
    }

    static List<CustomerBundle> residential(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        YearMonth first = YearMonth.from(AS_OF).minusMonths(MONTHS);
        List<CustomerBundle> bundles = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String no = String.format("C%07d", i);
            CustomerBuilder customer = aCustomer(no).residential().openedOn("2020-01-01");
            MeterBuilder meter = aMeter("M" + no).of(customer);
            double[] kwh = new double[MONTHS];
            for (int m = 0; m < MONTHS; m++) {
                kwh[m] = 80 + random.nextInt(300);
            }
            BundleBuilder bundle =
                    aBundle(customer).with(meter).with(readings(meter).monthlyFrom(first.toString(), kwh));
            for (int m = 0; m < MONTHS; m++) {
                String period = first.plusMonths(m).toString();
                bundle.with(aBill("B" + no + period)
                        .of(customer)
                        .period(period)
                        .tariff("RES-0.22")
                        .energy(kwh[m], Math.round(kwh[m] * 0.5 * 100) / 100.0));
            }
            bundles.add(bundle.build());
        }
        return bundles;
    }
}
