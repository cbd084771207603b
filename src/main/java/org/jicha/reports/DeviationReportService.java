package org.jicha.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jicha.people.Actor;
import org.jicha.reports.ReportDocument.Column;
import org.jicha.reports.ReportDocument.Kind;
import org.jicha.reports.ReportDocument.Metric;
import org.jicha.reports.ReportDocument.Table;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.jicha.rules.Theme;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deviation report (稽查报告) of a period and a scope, resting on the latest completed run that audited
 * the period: findings by theme, rule, unit and person, the utility's ratios with their numerators and
 * denominators against last month, a 12-month trend, the top units and persons, and the overdue tickets.
 *
 * <p>Long because the deviation report is one document of several sections (ratios, trends, themes, rules,
 * units, people, details), each a short method over the same period and scope.
 */
@Service
public class DeviationReportService {

    static final String UNASSIGNED = "未派发 / not dispatched";
    static final String UNATTRIBUTED = "未归属 / unattributed";

    private final ReportRuns runs;
    private final ReportFigures figures;
    private final ReportAccess access;
    private final UnitDirectory unitDirectory;
    private final ReportRecords records;
    private final StaffAttribution attribution;
    private final Clock clock;
    private final ReportsProperties properties;

    DeviationReportService(
            ReportRuns runs,
            ReportFigures figures,
            ReportAccess access,
            UnitDirectory unitDirectory,
            ReportRecords records,
            StaffAttribution attribution,
            Clock clock,
            ReportsProperties properties) {
        this.runs = runs;
        this.figures = figures;
        this.access = access;
        this.unitDirectory = unitDirectory;
        this.records = records;
        this.attribution = attribution;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * The report for {@code period} (yyyy-MM) and {@code unit} (null: the actor's unit, or the whole company).
     *
     * @throws ReportParameterException naming a bad period or unit
     * @throws ReportForbiddenException when the actor may not read it
     * @throws NoCompletedRunException  when no completed run audited the period
     */
    @Transactional(readOnly = true)
    public GeneratedReport deviation(Actor actor, String period, String unit) {
        return deviation(actor, period, unit, Locale.SIMPLIFIED_CHINESE);
    }

    /** The same, its codes and rule titles in {@code language} (English or Chinese; headers stay bilingual). */
    @Transactional(readOnly = true)
    public GeneratedReport deviation(Actor actor, String period, String unit, Locale language) {
        YearMonth month = ReportPeriod.parse(period);
        Map<String, UnitDirectory.Unit> units = unitDirectory.read();
        ReportScope scope = access.deviationScope(actor, unit, units);
        ReportRuns.RunRef run = runs.require(month);
        RuleSet ruleSet = figures.ruleSet();
        ReportLabels words = ReportLabels.of(language, ruleSet);
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));

        List<FindingRow> findings = records.findings(run.id(), scope);
        Map<String, String> staffOf = attribution.attribute(findings, month, figures.teamKinds());
        Map<String, StaffAttribution.Staff> staff = attribution.staff(staffOf.values());
        Map<String, String> customerNames = records.customerNames(
                findings.stream().map(FindingRow::customerNo).toList());

        Map<RatioKind, Ratio> ratios = figures.ratios(run, scope);
        Optional<Map<RatioKind, Ratio>> previous = figures.previous(month, scope);
        List<Metric> metrics = new ArrayList<>();
        for (RatioKind kind : RatioKind.values()) {
            Ratio r = ratios.get(kind);
            metrics.add(new Metric(
                    kind.label(),
                    kind.definition(),
                    r.numerator(),
                    r.denominator(),
                    ReportFigures.valueOf(previous, kind)));
        }

        String scopeName = scope.unitCode() == null
                ? "全公司 / whole company"
                : units.get(scope.unitCode()).name() + "（" + scope.unitCode() + "）";
        List<Table> tables = new ArrayList<>();
        int total = findings.size();
        tables.add(byTheme(findings, total, words));
        tables.add(byRule(findings, total, ruleSet, words));
        Table byUnit = byUnit(findings, total, units);
        tables.add(byUnit);
        Table byPerson = byPerson(findings, total, staffOf, staff, units);
        tables.add(byPerson);
        tables.add(top(
                "单位前十",
                "问题最多的十个责任班组 / Top 10 units by findings",
                List.of(
                        new Column("供电所 / Station", Kind.TEXT),
                        new Column("责任班组 / Team", Kind.TEXT),
                        new Column("班组名称 / Team name", Kind.TEXT)),
                byUnit,
                new int[] {1, 2, 3},
                4));
        tables.add(top(
                "人员前十",
                "问题最多的十名人员 / Top 10 persons by findings",
                List.of(
                        new Column("工号 / Staff id", Kind.TEXT),
                        new Column("姓名 / Name", Kind.TEXT),
                        new Column("所属单位 / Unit", Kind.TEXT)),
                withoutUnattributed(byPerson),
                new int[] {0, 1, 2},
                3));
        tables.add(trend(month, scope));
        tables.add(records.overdue(scope, null, today, ruleSet.calendar(), units, words));
        tables.add(details(findings, ruleSet, units, staffOf, staff, customerNames, words));

        String title = "稽查报告 / Audit deviation report " + month + " · " + scopeName;
        String subtitle = "稽查期间 / period " + month + "；范围 / scope: " + scopeName + "；" + run.describe()
                + "；问题 / findings: " + total + "；超期以 " + today + " 计 / overdue as of " + today;
        String stem = "稽查报告-" + month + (scope.unitCode() == null ? "" : "-" + scope.unitCode());
        String ascii = "deviation-report-" + month + (scope.unitCode() == null ? "" : "-" + scope.unitCode());
        return new GeneratedReport(new ReportDocument(title, subtitle, metrics, tables), stem, ascii);
    }

    private static Table byTheme(List<FindingRow> findings, int total, ReportLabels words) {
        Map<String, Long> counts = count(findings, FindingRow::theme);
        List<List<Object>> rows = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            long n = counts.getOrDefault(theme.name(), 0L);
            rows.add(row(words.theme(theme.name()), words.themeInOther(theme.name()), n, share(n, total)));
        }
        return new Table(
                "按主题",
                "按主题 / Findings by theme",
                List.of(
                        new Column("主题 / Theme", Kind.TEXT),
                        new Column(words.pick("英文名称 / Name in English", "中文名称 / Name in Chinese"), Kind.TEXT),
                        new Column("问题数 / Findings", Kind.INTEGER),
                        new Column("占比 / Share", Kind.PERCENT)),
                rows);
    }

    private static Table byRule(List<FindingRow> findings, int total, RuleSet ruleSet, ReportLabels words) {
        Map<String, Long> counts = count(findings, FindingRow::ruleCode);
        List<List<Object>> rows = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    Optional<RuleMeta> meta = ruleSet.rule(e.getKey());
                    rows.add(row(
                            e.getKey(),
                            meta.map(words::title).orElse(""),
                            meta.map(m -> words.theme(m.theme().name())).orElse(""),
                            meta.map(m -> words.severity(m.severity().name())).orElse(""),
                            meta.map(m -> words.teamKind(m.teamKind().name())).orElse(""),
                            e.getValue(),
                            share(e.getValue(), total)));
                });
        return new Table(
                "按规则",
                "按规则 / Findings by rule",
                List.of(
                        new Column("规则 / Rule", Kind.TEXT),
                        new Column("标题 / Title", Kind.TEXT),
                        new Column("主题 / Theme", Kind.TEXT),
                        new Column("严重程度 / Severity", Kind.TEXT),
                        new Column("责任班组类型 / Team kind", Kind.TEXT),
                        new Column("问题数 / Findings", Kind.INTEGER),
                        new Column("占比 / Share", Kind.PERCENT)),
                rows);
    }

    private static Table byUnit(List<FindingRow> findings, int total, Map<String, UnitDirectory.Unit> units) {
        Map<String, Long> counts = count(findings, f -> f.stationCode() + "|" + f.teamUnitCode());
        List<List<Object>> rows = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    String[] key = e.getKey().split("\\|", -1);
                    String station = "null".equals(key[0]) ? "" : key[0];
                    String team = "null".equals(key[1]) ? null : key[1];
                    rows.add(row(
                            station,
                            nameOf(units, station),
                            team == null ? UNASSIGNED : team,
                            team == null ? "" : nameOf(units, team),
                            e.getValue(),
                            share(e.getValue(), total)));
                });
        return new Table(
                "按单位",
                "按单位 / Findings by unit (station, responsible team)",
                List.of(
                        new Column("供电所 / Station", Kind.TEXT), new Column("供电所名称 / Station name", Kind.TEXT),
                        new Column("责任班组 / Team", Kind.TEXT), new Column("班组名称 / Team name", Kind.TEXT),
                        new Column("问题数 / Findings", Kind.INTEGER), new Column("占比 / Share", Kind.PERCENT)),
                rows);
    }

    private static Table byPerson(
            List<FindingRow> findings,
            int total,
            Map<String, String> staffOf,
            Map<String, StaffAttribution.Staff> staff,
            Map<String, UnitDirectory.Unit> units) {
        Map<String, Long> counts = count(findings, f -> staffOf.getOrDefault(f.fingerprint(), ""));
        List<List<Object>> rows = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    String id = e.getKey();
                    StaffAttribution.Staff s = staff.get(id);
                    rows.add(row(
                            id.isEmpty() ? UNATTRIBUTED : id,
                            s == null ? "" : s.name(),
                            s == null ? "" : withName(units, s.unitCode()),
                            e.getValue(),
                            share(e.getValue(), total)));
                });
        return new Table(
                "按人员",
                "按人员 / Findings by person on record (docs/REPORTS.md)",
                List.of(
                        new Column("工号 / Staff id", Kind.TEXT),
                        new Column("姓名 / Name", Kind.TEXT),
                        new Column("所属单位 / Unit", Kind.TEXT),
                        new Column("问题数 / Findings", Kind.INTEGER),
                        new Column("占比 / Share", Kind.PERCENT)),
                rows);
    }

    private static Table withoutUnattributed(Table persons) {
        return new Table(
                persons.sheetName(),
                persons.title(),
                persons.columns(),
                persons.rows().stream()
                        .filter(r -> !UNATTRIBUTED.equals(r.get(0)))
                        .toList());
    }

    /** The first ten rows of a ranked table, numbered, with the chosen columns and the count. */
    private static Table top(
            String sheet, String title, List<Column> columns, Table ranked, int[] pick, int countColumn) {
        List<Column> all = new ArrayList<>();
        all.add(new Column("名次 / Rank", Kind.INTEGER));
        all.addAll(columns);
        all.add(new Column("问题数 / Findings", Kind.INTEGER));
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : ranked.rows()) {
            if (rows.size() == 10) {
                break;
            }
            List<Object> out = new ArrayList<>();
            out.add(rows.size() + 1);
            for (int c : pick) {
                out.add(r.get(c));
            }
            out.add(r.get(countColumn));
            rows.add(out);
        }
        return new Table(sheet, title, all, rows);
    }

    private Table trend(YearMonth month, ReportScope scope) {
        YearMonth first = month.minusMonths(11);
        Map<YearMonth, ReportRuns.RunRef> byMonth = runs.latestOf(first, month);
        List<Column> columns =
                new ArrayList<>(List.of(new Column("期间 / Period", Kind.TEXT), new Column("稽查批次 / Run", Kind.INTEGER)));
        for (RatioKind kind : RatioKind.values()) {
            columns.add(new Column(kind.label(), Kind.PERCENT));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
            ReportRuns.RunRef run = byMonth.get(m);
            List<Object> row = new ArrayList<>();
            row.add(m.toString());
            row.add(run == null ? null : run.id());
            Map<RatioKind, Ratio> ratios = run == null ? Map.of() : figures.ratios(run, scope);
            for (RatioKind kind : RatioKind.values()) {
                Ratio r = ratios.get(kind);
                row.add(r == null ? null : r.value());
            }
            rows.add(row);
        }
        return new Table(
                "趋势",
                "近 12 个月趋势（无稽查批次或分母为 0 的月份留空） / 12-month trend (blank: no run, or " + "nothing to measure)",
                columns,
                rows);
    }

    private static Table details(
            List<FindingRow> findings,
            RuleSet ruleSet,
            Map<String, UnitDirectory.Unit> units,
            Map<String, String> staffOf,
            Map<String, StaffAttribution.Staff> staff,
            Map<String, String> customerNames,
            ReportLabels words) {
        List<List<Object>> rows = new ArrayList<>();
        findings.stream()
                .sorted(Comparator.comparing(FindingRow::ruleCode).thenComparing(FindingRow::subjectId))
                .forEach(f -> {
                    String person = staffOf.get(f.fingerprint());
                    StaffAttribution.Staff s = person == null ? null : staff.get(person);
                    rows.add(row(
                            f.ruleCode(),
                            words.title(f.ruleCode(), ""),
                            words.severity(f.severity()),
                            words.subjectType(f.subjectType()),
                            f.subjectId(),
                            f.customerNo(),
                            customerNames.get(f.customerNo()),
                            nameOf(units, f.stationCode()),
                            f.teamUnitCode() == null ? UNASSIGNED : withName(units, f.teamUnitCode()),
                            person == null ? UNATTRIBUTED : person + (s == null ? "" : " " + s.name()),
                            f.ticketId(),
                            words.status(f.ticketStatus()),
                            f.message()));
                });
        return new Table(
                "问题明细",
                "问题明细 / Findings",
                List.of(
                        new Column("规则 / Rule", Kind.TEXT),
                        new Column("标题 / Title", Kind.TEXT),
                        new Column("严重程度 / Severity", Kind.TEXT),
                        new Column("对象类型 / Subject type", Kind.TEXT),
                        new Column("对象 / Subject", Kind.TEXT),
                        new Column("户号 / Customer", Kind.TEXT),
                        new Column("客户名称 / Customer name", Kind.TEXT),
                        new Column("供电所 / Station", Kind.TEXT),
                        new Column("责任班组 / Team", Kind.TEXT),
                        new Column("责任人 / Person", Kind.TEXT),
                        new Column("工单号 / Ticket", Kind.INTEGER),
                        new Column("工单状态 / Status", Kind.TEXT),
                        new Column("证据 / Evidence", Kind.TEXT)),
                rows);
    }

    static String nameOf(Map<String, UnitDirectory.Unit> units, String code) {
        UnitDirectory.Unit u = code == null ? null : units.get(code);
        return u == null ? "" : u.name();
    }

    /** A unit as people know it, its code beside: {@code QC01RE 青川县城关供电所抄表班}. */
    static String withName(Map<String, UnitDirectory.Unit> units, String code) {
        String name = nameOf(units, code);
        return name.isEmpty() ? code : code + " " + name;
    }

    private static Map<String, Long> count(List<FindingRow> findings, Function<FindingRow, String> key) {
        Map<String, Long> counts = new LinkedHashMap<>();
        findings.forEach(f -> counts.merge(key.apply(f), 1L, Long::sum));
        return counts;
    }

    static BigDecimal share(long n, long total) {
        return total == 0 ? null : BigDecimal.valueOf(n).divide(BigDecimal.valueOf(total), 6, RoundingMode.HALF_UP);
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
