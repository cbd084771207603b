package org.jicha.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jicha.people.Actor;
import org.jicha.people.UnitTree;
import org.jicha.reports.ReportDocument.Column;
import org.jicha.reports.ReportDocument.Kind;
import org.jicha.reports.ReportDocument.Metric;
import org.jicha.reports.ReportDocument.Table;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.jicha.tickets.TicketStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feedback report (信息反馈) of one team for a period: its tickets (the open ones and those of the period's
 * findings) with what is wrong, why (the rule's description in words, with the thresholds in force, and its basis:
 * {@link WhyText}) and how to fix it (the remedy), the
 * deadline and status; and its ratios against last month and against its station as a whole.
 */
@Service
class FeedbackReportService {

    private final ReportRuns runs;
    private final ReportFigures figures;
    private final ReportAccess access;
    private final UnitDirectory unitDirectory;
    private final ReportRecords records;
    private final UnitTree tree;
    private final Clock clock;
    private final ReportsProperties properties;

    FeedbackReportService(
            ReportRuns runs,
            ReportFigures figures,
            ReportAccess access,
            UnitDirectory unitDirectory,
            ReportRecords records,
            UnitTree tree,
            Clock clock,
            ReportsProperties properties) {
        this.runs = runs;
        this.figures = figures;
        this.access = access;
        this.unitDirectory = unitDirectory;
        this.records = records;
        this.tree = tree;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * @throws ReportParameterException naming a bad period or team
     * @throws ReportForbiddenException when the actor may not read the team's report
     * @throws NoCompletedRunException  when no completed run audited the period
     */
    @Transactional(readOnly = true)
    public GeneratedReport feedback(Actor actor, String period, String team) {
        return feedback(actor, period, team, Locale.SIMPLIFIED_CHINESE);
    }

    /** The same, its codes and rule titles in {@code language} (English or Chinese; headers stay bilingual). */
    @Transactional(readOnly = true)
    public GeneratedReport feedback(Actor actor, String period, String team, Locale language) {
        YearMonth month = ReportPeriod.parse(period);
        Map<String, UnitDirectory.Unit> units = unitDirectory.read();
        UnitDirectory.Unit unit = access.feedbackTeam(actor, team, units);
        ReportRuns.RunRef run = runs.require(month);
        RuleSet ruleSet = figures.ruleSet();
        ReportLabels words = ReportLabels.of(language, ruleSet);
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));

        String station = unit.parent() == null ? unit.code() : unit.parent();
        Set<String> stationUnits = tree.subtree(station);
        ReportScope teamScope = new ReportScope(unit.code(), stationUnits, unit.code());
        ReportScope stationScope = new ReportScope(station, stationUnits, null);
        Map<RatioKind, Ratio> mine = figures.ratios(run, teamScope);
        Optional<Map<RatioKind, Ratio>> lastMonth = figures.previous(month, teamScope);
        Map<RatioKind, Ratio> stationRatios = figures.ratios(run, stationScope);

        List<Metric> metrics = new ArrayList<>();
        List<List<Object>> comparison = new ArrayList<>();
        for (RatioKind kind : RatioKind.forTeamKind(unit.teamKind())) {
            Ratio r = mine.get(kind);
            Ratio s = stationRatios.get(kind);
            metrics.add(new Metric(
                    kind.label(),
                    kind.definition()
                            + (kind == RatioKind.RECTIFIED || kind == RatioKind.RECTIFIED_ON_TIME
                                    ? "（本班组：派给本班组的工单 / team: its own tickets）"
                                    : "（本班组：本所的对象，只计工单派给本班组的问题 / team: the station's records, counting only the "
                                            + "findings whose ticket went to this team）"),
                    r.numerator(),
                    r.denominator(),
                    ReportFigures.valueOf(lastMonth, kind)));
            comparison.add(DeviationReportService.row(
                    kind.label(),
                    r.numerator(),
                    r.denominator(),
                    r.value(),
                    ReportFigures.valueOf(lastMonth, kind),
                    s.numerator(),
                    s.denominator(),
                    s.value()));
        }
        List<Table> tables = new ArrayList<>();
        tables.add(new Table(
                "指标对比",
                "指标对比：本班组、上月、本所 / Ratios: team, last month, station",
                List.of(
                        new Column("指标 / Ratio", Kind.TEXT), new Column("本班组分子 / Team numerator", Kind.INTEGER),
                        new Column("本班组分母 / Team denominator", Kind.INTEGER), new Column("本班组 / Team", Kind.PERCENT),
                        new Column("上月 / Last month", Kind.PERCENT),
                                new Column("本所分子 / Station numerator", Kind.INTEGER),
                        new Column("本所分母 / Station denominator", Kind.INTEGER),
                                new Column("本所 / Station", Kind.PERCENT)),
                comparison));
        tables.add(tickets(records.teamTickets(unit.code(), run.id()), ruleSet, today, words));

        String name = unit.name() + "（" + unit.code() + "）";
        String title = "信息反馈 / Feedback " + month + " · " + name;
        String subtitle = "稽查期间 / period " + month + "；班组 / team: " + name + "，供电所 / station: "
                + DeviationReportService.nameOf(units, station) + "；" + run.describe() + "；整改期限以 " + today
                + " 计 / deadlines as of " + today;
        return new GeneratedReport(
                new ReportDocument(title, subtitle, metrics, tables),
                "信息反馈-" + month + "-" + unit.code(),
                "feedback-report-" + month + "-" + unit.code());
    }

    /** Every TEAM unit, for the monthly archive. */
    public List<String> teams() {
        return unitDirectory.read().values().stream()
                .filter(u -> "TEAM".equals(u.type()))
                .map(UnitDirectory.Unit::code)
                .sorted()
                .toList();
    }

    private static Table tickets(
            List<ReportRecords.TeamTicket> tickets, RuleSet ruleSet, LocalDate today, ReportLabels words) {
        List<List<Object>> rows = new ArrayList<>();
        for (ReportRecords.TeamTicket t : tickets) {
            Optional<RuleMeta> meta = ruleSet.rule(t.ruleCode());
            String why = meta.map(m -> WhyText.of(m, ruleSet.parameters())).orElse("");
            String remedy = WhyText.codeNames(
                    t.remedy() != null ? t.remedy() : meta.map(RuleMeta::remedy).orElse(""));
            boolean open = TicketStatus.valueOf(t.status()).isOpen();
            Integer overdue =
                    open && t.dueOn().isBefore(today) ? ruleSet.calendar().workingDaysBetween(t.dueOn(), today) : null;
            rows.add(DeviationReportService.row(
                    t.id(),
                    t.ruleCode(),
                    words.title(t.ruleCode(), t.title()),
                    words.severity(t.severity()),
                    words.subjectType(t.subjectType()),
                    t.subjectId(),
                    t.customerName(),
                    t.message(),
                    why,
                    remedy,
                    t.dueOn(),
                    words.status(t.status()),
                    overdue));
        }
        return new Table(
                "工单",
                "工单：问题、原因、整改方法与期限 / Tickets: what, why, how to fix, by when",
                List.of(
                        new Column("工单号 / Ticket", Kind.INTEGER),
                        new Column("规则 / Rule", Kind.TEXT),
                        new Column("标题 / Title", Kind.TEXT),
                        new Column("严重程度 / Severity", Kind.TEXT),
                        new Column("对象类型 / Subject type", Kind.TEXT),
                        new Column("对象 / Subject", Kind.TEXT),
                        new Column("客户名称 / Customer name", Kind.TEXT),
                        new Column("问题证据 / Evidence", Kind.TEXT),
                        new Column("为何不对 / Why it is wrong", Kind.TEXT),
                        new Column("如何整改 / How to fix", Kind.TEXT),
                        new Column("整改期限 / Due", Kind.DATE),
                        new Column("状态 / Status", Kind.TEXT),
                        new Column("超期工作日 / Working days overdue", Kind.INTEGER)),
                rows);
    }
}
