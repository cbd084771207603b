package org.jicha.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jicha.audit.AuditService;
import org.jicha.audit.RunView;
import org.jicha.calendar.ChinaTime;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.jicha.rules.RuleTitles;
import org.jicha.tickets.RunTickets;
import org.jicha.tickets.TicketFigures;
import org.jicha.web.WebPage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard: open and overdue tickets by theme and by unit, the rectification rate, a 12-month trend and
 * the rules with most open tickets (titles in the reader's language), all limited to the units the viewer sees (a TEAM user: its own).
 * The figures are embedded in the page as JSON for the charts (an attribute {@code data-charts} that
 * {@code static/js/dashboard.js} reads: no inline script, see the Content-Security-Policy), and shown as tables for
 * screen readers. Staff also see a run held for missing data (which station lacks what) and how many tickets await
 * the auditors' confirmation.
 */
@Controller
@WebPage
class DashboardPage {

    private final TicketFigures figures;
    private final AuditService audits;
    private final RunTickets runTickets;
    private final RuleTitles titles;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    DashboardPage(
            TicketFigures figures,
            AuditService audits,
            RunTickets runTickets,
            RuleTitles titles,
            MessageSource messages,
            JsonMapper json,
            Clock clock) {
        this.figures = figures;
        this.audits = audits;
        this.runTickets = runTickets;
        this.titles = titles;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** Everything the charts draw, embedded as JSON. */
    public record Dashboard(
            List<TicketFigures.Count> byTheme,
            List<TicketFigures.Count> byUnit,
            TicketFigures.Rectification rectification,
            List<String> months,
            List<Long> trend,
            List<TicketFigures.Count> topRules,
            long open,
            long overdue) {}

    @GetMapping("/")
    String dashboard(Actor actor, Locale locale, Model model) {
        Set<String> scope = actor.visibleUnits();
        LocalDate today = ChinaTime.today(clock);
        Optional<RunView> latest = audits.latestCompleted();
        YearMonth last = latest.map(r -> YearMonth.from(r.asOf())).orElse(YearMonth.from(today));
        List<TicketFigures.MonthCount> trend = figures.trend(scope, last, 12);
        List<TicketFigures.Count> byTheme = figures.byTheme(scope, today).stream()
                .map(c -> new TicketFigures.Count(
                        c.key(), messages.getMessage("theme." + c.key(), null, c.key(), locale), c.open(), c.overdue()))
                .toList();
        Dashboard dashboard = new Dashboard(
                byTheme,
                figures.byUnit(scope, today, 15),
                figures.rectification(scope),
                trend.stream().map(m -> m.month().toString()).toList(),
                trend.stream().map(TicketFigures.MonthCount::tickets).toList(),
                figures.topRules(scope, today, 10).stream()
                        .map(c -> new TicketFigures.Count(
                                c.key(), titles.of(c.key(), locale, c.label()), c.open(), c.overdue()))
                        .toList(),
                byTheme.stream().mapToLong(TicketFigures.Count::open).sum(),
                byTheme.stream().mapToLong(TicketFigures.Count::overdue).sum());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("latestRun", latest.orElse(null));
        boolean staff = !actor.is(Role.TEAM);
        model.addAttribute("heldRun", staff ? audits.unresolvedHeld().orElse(null) : null);
        model.addAttribute("awaitingConfirmation", staff ? runTickets.awaitingConfirmation() : 0L);
        model.addAttribute("today", today);
        Map<String, Object> chartData = new LinkedHashMap<>();
        chartData.put("dashboard", dashboard);
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : List.of("open", "overdue", "tickets", "rectified", "notRectified", "empty")) {
            labels.put(key, messages.getMessage("dashboard.chart." + key, null, locale));
        }
        chartData.put("labels", labels);
        Map<String, String> shortThemes = new LinkedHashMap<>();
        byTheme.forEach(
                c -> shortThemes.put(c.key(), messages.getMessage("theme.short." + c.key(), null, c.label(), locale)));
        chartData.put("themeShort", shortThemes);
        model.addAttribute("chartJson", json.writeValueAsString(chartData));
        return "dashboard";
    }
}
