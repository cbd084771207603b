package org.jicha.tools.generator.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Writes {@code sample-data/README.md} from the world, so that the documentation never drifts from the data. */
final class ReadmeWriter {

    private final World w;

    ReadmeWriter(World w) {
        this.w = w;
    }

    void write(Path file) {
        StringBuilder md = new StringBuilder();
        md.append("# Sample batch 样例数据 (generated: do not edit by hand)\n\n");
        md.append("As-of date (稽查基准日): **")
                .append(World.AS_OF)
                .append("**. Audited period (稽查电费年月): **")
                .append(World.AUDITED)
                .append("**. Periods held: ")
                .append(World.FIRST_PERIOD)
                .append(" .. ")
                .append(World.AUDITED)
                .append(" (14 billing months).\n\n");
        md.append("One county company (")
                .append(World.COUNTY_NAME)
                .append("县供电公司, under the COMPANY root 国网华溪市供电公司) "
                        + "with three 供电所 (城关, 河口, 石桥), each with a team of every kind the catalogue routes tickets to, "
                        + "in the format of `shared/design/data-contract.md`, UTF-8, RFC 4180 (CRLF).\n\n");
        md.append("## Regenerate\n\n```\nmvn -B -q package -DskipTests\n"
                + "java -jar target/jicha.jar sample-data --out sample-data\n"
                + "# or, compiled only:  java -cp target/classes org.jicha.tools.generator.sample.SampleDataGenerator "
                + "sample-data\n```\n\n"
                + "Run it from the project root (the generator reads `rules/calendar/cn-working-days.csv`). The seed is "
                + "fixed (" + World.SEED + "): the same bytes on every run; `SampleDataGeneratorTests` fails when the "
                + "committed files differ from what the generator writes.\n\n");
        counts(md);
        conventions(md);
        planted(md, true, "## Planted cases of the first 14 rules (`expected/expected-findings.csv`)\n\n");
        planted(
                md,
                false,
                "## Planted cases of the rules shipped next (`expected/expected-findings-later.csv`)\n\n"
                        + "All of them are shipped now; `SampleDataIntegrationTests` "
                        + "requires a run to find exactly the cases of the shipped rules in both files.\n\n");
        lookAlikes(md);
        readings(md);
        try {
            Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void counts(StringBuilder md) {
        Batch b = w.batch;
        md.append("## Contents\n\n| file | rows | notes |\n|---|---|---|\n");
        row(md, "units.csv", b.units.size(), "1 COMPANY, 1 COUNTY, 3 STATION, 27 TEAM");
        row(md, "staff.csv", b.staff.size(), "抄表员, 核算员, 收费员, 营业员, 用电检查员, 装表接电工, 计量专责, 客户经理, 客户安全专责, 所长");
        row(md, "tariffs.csv", b.tariffs.size(), "COM04/COM04P carry two versions (price change 2026-06-01)");
        Map<String, Long> byCategory = new TreeMap<>(
                b.customers.stream().collect(Collectors.groupingBy(c -> c.category, Collectors.counting())));
        Map<String, Long> byStatus = new TreeMap<>(
                b.customers.stream().collect(Collectors.groupingBy(c -> c.status, Collectors.counting())));
        Map<String, Long> byVoltage = new TreeMap<>(b.customers.stream()
                .collect(Collectors.groupingBy(c -> c.voltageKv.toPlainString() + " kV", Collectors.counting())));
        row(md, "customers.csv", b.customers.size(), byCategory + "; " + byStatus + "; " + byVoltage);
        row(md, "important_customers.csv", b.importantCustomers.size(), "grades SPECIAL, FIRST, SECOND");
        row(
                md,
                "meters.csv",
                b.meters.size(),
                "SMART_SINGLE, SINGLE_PHASE (mechanical, 5 digits), SMART_THREE with CT/PT");
        row(md, "readings.csv", b.readings.size(), "REMOTE mostly, ACTUAL at 石桥 for mechanical meters");
        row(md, "bills.csv", b.bills.size(), "priced exactly; a few paid late with the BIL-15 fee");
        Map<String, Long> byType = new TreeMap<>(
                b.applications.stream().collect(Collectors.groupingBy(a -> a.type, Collectors.counting())));
        Map<String, Long> byAppStatus = new TreeMap<>(
                b.applications.stream().collect(Collectors.groupingBy(a -> a.status, Collectors.counting())));
        row(md, "applications.csv", b.applications.size(), byType + "; " + byAppStatus);
        row(md, "application_steps.csv", b.steps.size(), "");
        row(md, "inspections.csv", b.inspections.size(), "");
        Map<String, Long> byKind = new TreeMap<>(
                b.meterEvents.stream().collect(Collectors.groupingBy(e -> e.kind, Collectors.counting())));
        row(md, "meter_events.csv", b.meterEvents.size(), byKind.toString());
        md.append('\n');
    }

    private static void row(StringBuilder md, String file, int rows, String notes) {
        md.append("| ")
                .append(file)
                .append(" | ")
                .append(rows)
                .append(" | ")
                .append(notes)
                .append(" |\n");
    }

    private void conventions(StringBuilder md) {
        md.append("## Conventions of this batch\n\n"
                + "- Reading: customers are read on `reading_day` (1-3) of the month after the period (月末冻结示数, "
                + "远抄), so the 2026-10 readings are taken 2026-11-01..03; a final reading on closing day or meter "
                + "removal day lies within the period. Bills are issued the day after the reading, due 20 days later "
                + "(residential) or 15 days later (others).\n"
                + "- `consumption_kwh = (current - previous) x multiplier` exactly (rollover-corrected); a customer's "
                + "bill energy is the sum over its meters. Single-part customers with 0 kWh get no bill for that period.\n"
                + "- Prices: residential monthly tiers 0.5283 (<= 230 kWh) / 0.5783 (<= 400) / 0.8283; commercial, "
                + "large-industrial and agricultural flat energy prices; two-part basic charge per BIL-11; "
                + "power-factor adjustment per the (83)水电财字第215号 table applied to energy + basic charge; "
                + "funds surcharge 0.0272 yuan/kWh for COMMERCIAL and LARGE_INDUSTRIAL (included in the residential "
                + "price, waived for agriculture). `paid_amount` is the bill's total; a late fee is in "
                + "`late_fee_charged` only.\n"
                + "- pf standards follow BIL-12: separate tariff codes for the same price with and without "
                + "assessment (COM04 < 100 kVA, COM04P >= 100 kVA; AGR04 / AGR04P).\n"
                + "- `capacity_kva` of an increase application is the customer's new total contract capacity "
                + "(what BUS-03 compares); for PAUSE / CAPACITY_REDUCE it is the capacity concerned.\n"
                + "- A device replacement keeps the metering point's `meter_id` (the REPLACEMENT event is on it) and "
                + "restarts the register: the reading's `previous_value` is the new device's start value.\n"
                + "- Application steps run on working days of `rules/calendar/cn-working-days.csv`; each next step "
                + "starts the next working day, so waiting between steps never counts.\n\n");
    }

    private void planted(StringBuilder md, boolean shipped, String title) {
        md.append(title);
        md.append("| # | rule | subject type | subject id | why |\n|---|---|---|---|---|\n");
        List<World.PlantedCase> cases = w.planted.stream()
                .filter(c -> c.shipped() == shipped)
                .sorted(Comparator.comparing(World.PlantedCase::rule).thenComparing(World.PlantedCase::subjectId))
                .toList();
        int n = 1;
        for (World.PlantedCase c : cases) {
            md.append("| ")
                    .append(n++)
                    .append(" | ")
                    .append(c.rule())
                    .append(" | ")
                    .append(c.subjectType())
                    .append(" | ")
                    .append(c.subjectId())
                    .append(" | ")
                    .append(c.why().replace("|", "/"))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void readings(StringBuilder md) {
        md.append("## How the catalogue was read where it leaves room\n\n"
                + "- Period rules (readings, bills) look at the audited period only: the restaurant contracted on "
                + "AGR04 has 14 mismatched bills, but only its 2026-10 bill is an expected BIL-08 finding.\n"
                + "- BIL-01 with read_type MISSED: the row carries previous = current, consumption 0 and no bill; it "
                + "counts as *no value* for consumption rules. Both BIL-01 households use < 100 kWh a month, so "
                + "BIL-07 and INS-09 stay silent whichever way an implementation reads a MISSED row.\n"
                + "- BIL-03 register digits are taken per meter (largest value seen on that meter).\n"
                + "- A returned-and-redone step is measured from its first start to its last finish for its own limit "
                + "too; the planted BUS-04 cases stay within every limit under either reading.\n"
                + "- An open step (in-flight application) is counted up to and including the as-of date; every "
                + "in-flight application stays within its limits that way.\n"
                + "- BIL-11 is not applied to a DEMAND bill whose demand exceeds 105 % of demand_kw (that is BIL-14's "
                + "case).\n"
                + "- A 0 kWh period of a pf-assessed customer has an empty pf_actual and pf_adjustment 0.00.\n"
                + "- INS-01 and IMP-03: an inspection counts when inspected_on is within the last N months before "
                + "the as-of date.\n"
                + "- 定比/定量: bill energy = metered kWh x fixed_ratio_pct / 100, or metered kWh - fixed_deduction_kwh "
                + "(not below 0); the reading keeps the metered value.\n"
                + "- No planted case had to trip a second rule: while the batch was built, the whole batch was checked "
                + "against all 63 conditions as read above (a throw-away script, not part of the build); it found "
                + "exactly the planted findings and nothing else. The shipped rules now do the same check in the build.\n"
                + "- BIL-07, BIL-09, INS-01, MET-04, MET-08 and IMP-03 were planted when their rules shipped.\n\n");
    }

    private void lookAlikes(StringBuilder md) {
        md.append(
                "## Look-alikes that must NOT fire\n\n| look-alike | subject type | subject id | must stay silent | why |\n"
                        + "|---|---|---|---|---|\n");
        for (World.LookAlike l : w.lookAlikes) {
            md.append("| ")
                    .append(l.name())
                    .append(" | ")
                    .append(l.subjectType())
                    .append(" | ")
                    .append(l.subjectId())
                    .append(" | ")
                    .append(l.silentRules())
                    .append(" | ")
                    .append(l.why().replace("|", "/"))
                    .append(" |\n");
        }
        md.append('\n');
    }
}
