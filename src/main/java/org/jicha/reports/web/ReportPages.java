package org.jicha.reports.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jicha.audit.AuditService;
import org.jicha.audit.RunView;
import org.jicha.people.Actor;
import org.jicha.records.UnitRecords;
import org.jicha.reports.ReportArchive;
import org.jicha.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reports: the deviation report (稽查报告) of a month and scope and a team's feedback report (信息反馈), each as
 * XLSX or PDF from {@code /api/reports}, and the monthly archive with a download link per file
 * ({@code /api/reports/archive/{id}}, the files of the units in the user's scope). Who may read which report is checked by the
 * reports package; a TEAM user is offered its own team's feedback only.
 */
@Controller
@WebPage
class ReportPages {

    private final AuditService audits;
    private final ReportArchive archive;
    private final UnitRecords units;

    ReportPages(AuditService audits, ReportArchive archive, UnitRecords units) {
        this.audits = audits;
        this.archive = archive;
        this.units = units;
    }

    @GetMapping("/reports")
    String reports(
            Actor actor,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String team,
            Model model) {
        String month = period != null && period.matches("\\d{4}-\\d{2}")
                ? period
                : audits.latestCompleted().map(RunView::auditedPeriod).orElse(null);
        String feedbackTeam = team != null && !team.isBlank() ? team.strip() : actor.unitCode();
        model.addAttribute("period", month);
        model.addAttribute("unit", unit == null || unit.isBlank() ? null : unit.strip());
        model.addAttribute("team", feedbackTeam);
        model.addAttribute("archived", month == null ? List.of() : archive.list(actor, month));
        Map<String, String> names = new HashMap<>();
        units.all().forEach(u -> names.put(u.code(), u.name()));
        model.addAttribute("unitNames", names);
        return "reports/list";
    }
}
