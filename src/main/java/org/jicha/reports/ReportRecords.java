package org.jicha.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jicha.audit.FindingQueries;
import org.jicha.calendar.WorkingDayCalendar;
import org.jicha.records.CustomerNames;
import org.jicha.reports.ReportDocument.Column;
import org.jicha.reports.ReportDocument.Kind;
import org.jicha.reports.ReportDocument.Table;
import org.jicha.tickets.TicketQueries;
import org.jicha.tickets.TicketQueries.TicketLine;
import org.jicha.tickets.TicketStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rows a report lists: a run's findings with their tickets (asked of the audit module), overdue tickets
 * (of the tickets module), customer names (of the records module). A team's feedback tickets are one statement
 * across {@code inspection_tickets}, {@code findings} and {@code customers}, kept here beside the ratio
 * definitions of {@link RatioQueries}: the run's findings may be many, and only those of the team's tickets count.
 */
@Component
class ReportRecords {

    /** Statuses of tickets that still need work (TicketStatus.isOpen). */
    static final List<String> OPEN = Arrays.stream(TicketStatus.values())
            .filter(TicketStatus::isOpen)
            .map(Enum::name)
            .toList();

    private final NamedParameterJdbcTemplate jdbc;
    private final CustomerNames customers;
    private final TicketQueries tickets;
    private final FindingQueries findings;

    ReportRecords(JdbcTemplate jdbc, CustomerNames customers, TicketQueries tickets, FindingQueries findings) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.customers = customers;
        this.tickets = tickets;
        this.findings = findings;
    }

    /** The run's findings of a station in scope or routed to a team in scope, with their tickets. */
    List<FindingRow> findings(long runId, ReportScope scope) {
        return findings.withTickets(runId, scope.wholeCompany() ? null : scope.units(), scope.team()).stream()
                .map(f -> new FindingRow(
                        f.ruleCode(),
                        f.theme(),
                        f.severity(),
                        f.subjectType(),
                        f.subjectId(),
                        f.customerNo(),
                        f.stationCode(),
                        f.period(),
                        f.message(),
                        f.fingerprint(),
                        f.ticketId(),
                        f.teamUnitCode(),
                        f.ticketStatus()))
                .toList();
    }

    /** Name per customer number, for the numbers that are loaded (asked of the records module). */
    Map<String, String> customerNames(Collection<String> customerNos) {
        return customers.of(customerNos);
    }

    /** Open tickets past their deadline in scope (or of one team), with working days overdue as of today. */
    Table overdue(
            ReportScope scope,
            String team,
            LocalDate today,
            WorkingDayCalendar calendar,
            Map<String, UnitDirectory.Unit> units,
            ReportLabels words) {
        List<TicketLine> overdue = tickets.dueBefore(today, OPEN, scope.wholeCompany() ? null : scope.units(), team);
        Map<String, String> names =
                customers.of(overdue.stream().map(TicketLine::customerNo).toList());
        List<List<Object>> rows = new ArrayList<>();
        for (TicketLine t : overdue) {
            String teamCode = t.teamUnitCode();
            rows.add(DeviationReportService.row(
                    t.id(),
                    t.ruleCode(),
                    words.title(t.ruleCode(), t.title()),
                    words.subjectType(t.subjectType()),
                    t.subjectId(),
                    t.customerNo() == null ? null : names.get(t.customerNo()),
                    teamCode == null
                            ? DeviationReportService.UNASSIGNED
                            : teamCode + " " + DeviationReportService.nameOf(units, teamCode),
                    t.dueOn(),
                    calendar.workingDaysBetween(t.dueOn(), today),
                    words.status(t.status())));
        }
        return new Table(
                "超期工单",
                "超期未整改工单（截至 " + today + "） / Overdue open tickets as of " + today,
                List.of(
                        new Column("工单号 / Ticket", Kind.INTEGER), new Column("规则 / Rule", Kind.TEXT),
                        new Column("标题 / Title", Kind.TEXT), new Column("对象类型 / Subject type", Kind.TEXT),
                        new Column("对象 / Subject", Kind.TEXT), new Column("客户名称 / Customer name", Kind.TEXT),
                        new Column("责任班组 / Team", Kind.TEXT), new Column("整改期限 / Due", Kind.DATE),
                        new Column("超期工作日 / Working days overdue", Kind.INTEGER), new Column("状态 / Status", Kind.TEXT)),
                rows);
    }

    /**
     * A team's tickets for its feedback: the open ones and those of the run's findings, never one awaiting the
     * auditors' confirmation or withdrawn (not the team's).
     */
    record TeamTicket(
            long id,
            String ruleCode,
            String title,
            String severity,
            String subjectType,
            String subjectId,
            String customerName,
            String message,
            String remedy,
            LocalDate dueOn,
            String status) {}

    List<TeamTicket> teamTickets(String team, long runId) {
        return jdbc.query(
                "SELECT t.id, t.rule_code, t.title, t.severity, t.subject_type, t.subject_id, c.customer_name, "
                        + "t.message, t.remedy, t.due_on, t.status FROM inspection_tickets t "
                        + "LEFT JOIN customers c ON c.customer_no = t.customer_no WHERE t.team_unit_code = :team AND "
                        + "(t.status IN (:open) OR (t.fingerprint IN (SELECT f.fingerprint FROM findings f WHERE f.run_id = :run) "
                        + "AND t.status NOT IN ('AWAITING_CONFIRMATION', 'WITHDRAWN'))) "
                        + "ORDER BY t.due_on, t.id",
                new MapSqlParameterSource("team", team).addValue("open", OPEN).addValue("run", runId),
                (rs, i) -> new TeamTicket(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getObject(10, LocalDate.class),
                        rs.getString(11)));
    }
}
