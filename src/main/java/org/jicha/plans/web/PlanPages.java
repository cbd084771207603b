package org.jicha.plans.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jicha.audit.DataNotArrivedException;
import org.jicha.audit.RunView;
import org.jicha.config.Times;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.jicha.plans.InvalidPlanException;
import org.jicha.plans.PlanCadence;
import org.jicha.plans.PlanDefinition;
import org.jicha.plans.PlanKind;
import org.jicha.plans.PlanNotFoundException;
import org.jicha.plans.PlanService;
import org.jicha.plans.PlanView;
import org.jicha.records.UnitRecords;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.Theme;
import org.jicha.web.PageNotFoundException;
import org.jicha.web.WebPage;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Audit plans (稽查计划): each plan with its schedule in words, its next run in the people's zone, its scope,
 * target and execution figures; auditors create and change plans through a form (the schedule chosen in words,
 * units by name, each fault beside its field, the same validation and audit trail as {@code /api/plans}), run a
 * plan now, and switch it on or off.
 */
@Controller
@WebPage
class PlanPages {

    /** How many runs after the next one the list shows for a cron it cannot put in words. */
    static final int UPCOMING = 3;

    private final PlanService plans;
    private final CronWords cronWords;
    private final Times times;
    private final UnitRecords units;
    private final ActiveRuleSet rules;
    private final MessageSource messages;

    PlanPages(
            PlanService plans,
            CronWords cronWords,
            Times times,
            UnitRecords units,
            ActiveRuleSet rules,
            MessageSource messages) {
        this.plans = plans;
        this.cronWords = cronWords;
        this.times = times;
        this.units = units;
        this.rules = rules;
        this.messages = messages;
    }

    /**
     * One plan of the list: its schedule in words (the cron as written when it has none), the next run (its
     * trigger's, in the people's zone), and for a cron without words the runs after that one.
     */
    record PlanRow(
            PlanView plan,
            String schedule,
            boolean inWords,
            String nextRun,
            List<String> upcoming,
            List<String> units) {}

    @GetMapping("/plans")
    String list(Model model, Locale locale) {
        model.addAttribute(
                "plans", plans.list().stream().map(p -> row(p, locale)).toList());
        return "plans/list";
    }

    private PlanRow row(PlanView plan, Locale locale) {
        boolean inWords = PlanCadence.of(plan.cron()).isPresent();
        return new PlanRow(
                plan,
                cronWords.words(plan.cron(), locale),
                inWords,
                plan.nextFireTime() == null ? null : times.format(plan.nextFireTime()),
                inWords || plan.nextFireTime() == null
                        ? List.of()
                        : cronWords.nextRuns(plan.cron(), UPCOMING, plan.nextFireTime()),
                plan.unitCodes().stream().map(this::unitName).toList());
    }

    /** A unit as people know it: its name with its code, e.g. 城关供电所（ST01）. */
    private String unitName(String code) {
        String name = units.nameOf(code);
        return name == null || name.equals(code) ? code : name + "（" + code + "）";
    }

    @GetMapping("/plans/new")
    String newPlan(Actor actor, Model model) {
        mayChange(actor);
        return form(model, new PlanForm(), null, PlanForm.noErrors());
    }

    @PostMapping("/plans")
    String create(
            Actor actor,
            @ModelAttribute("form") PlanForm form,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        mayChange(actor);
        Map<String, String> errors = PlanForm.noErrors();
        PlanDefinition definition = form.definition(errors);
        try {
            if (definition != null) {
                PlanView plan = plans.create(definition, actor.username());
                redirect.addFlashAttribute("notice", "plans.created");
                return "redirect:/plans#plan-" + plan.id();
            }
        } catch (InvalidPlanException e) {
            errors.put(e.field(), e.getMessage());
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(model, form, null, texts(errors, locale));
    }

    @GetMapping("/plans/{id}/edit")
    String edit(Actor actor, @PathVariable long id, Model model) {
        mayChange(actor);
        return form(model, PlanForm.of(find(id)), id, PlanForm.noErrors());
    }

    @PostMapping("/plans/{id}")
    String update(
            Actor actor,
            @PathVariable long id,
            @ModelAttribute("form") PlanForm form,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        mayChange(actor);
        find(id);
        Map<String, String> errors = PlanForm.noErrors();
        PlanDefinition definition = form.definition(errors);
        try {
            if (definition != null) {
                plans.update(id, definition, actor.username());
                redirect.addFlashAttribute("notice", "plans.changed");
                return "redirect:/plans#plan-" + id;
            }
        } catch (InvalidPlanException e) {
            errors.put(e.field(), e.getMessage());
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(model, form, id, texts(errors, locale));
    }

    private String form(Model model, PlanForm form, Long id, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("planId", id);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", PlanKind.values());
        model.addAttribute("frequencies", PlanCadence.Frequency.values());
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute(
                "themes", Arrays.stream(Theme.values()).map(Theme::name).toList());
        model.addAttribute(
                "rules",
                rules.current().rules().stream()
                        .sorted(Comparator.comparing(RuleMeta::code))
                        .toList());
        model.addAttribute(
                "units",
                units.all().stream()
                        .sorted(Comparator.comparing(UnitRecords.Unit::code))
                        .toList());
        return "plans/form";
    }

    /**
     * Each fault as people read it: the form's own faults are message keys; the plan validation's messages are
     * written "中文 / English", of which the reader's language is shown.
     */
    private Map<String, String> texts(Map<String, String> errors, Locale locale) {
        Map<String, String> texts = PlanForm.noErrors();
        boolean english = "en".equals(locale.getLanguage());
        errors.forEach((field, text) -> {
            String shown;
            if (text.startsWith("plans.form.error.")) {
                shown = messages.getMessage(text, null, locale);
            } else {
                int slash = text.indexOf(" / ");
                shown = slash < 0 ? text : english ? text.substring(slash + 3) : text.substring(0, slash);
            }
            texts.put("cron".equals(field) ? "schedule" : field, shown);
        });
        return texts;
    }

    private PlanView find(long id) {
        try {
            return plans.get(id);
        } catch (PlanNotFoundException e) {
            throw new PageNotFoundException("plan " + id);
        }
    }

    /** Plans are written by those who write them through the API: auditors and administrators. */
    private static void mayChange(Actor actor) {
        if (!actor.is(Role.AUDITOR) && !actor.is(Role.ADMIN)) {
            throw new AccessDeniedException("only an AUDITOR or ADMIN writes plans");
        }
    }

    /** Runs the plan now; refused with the figures while its period's data has not arrived (see the run form). */
    @PostMapping("/plans/{id}/run")
    String runNow(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            RunView run = plans.runNow(id, null, false, null, actor);
            redirect.addFlashAttribute("notice", "runs.started");
            return "redirect:/runs/" + run.id();
        } catch (PlanNotFoundException e) {
            throw new PageNotFoundException("plan " + id);
        } catch (DataNotArrivedException e) {
            redirect.addFlashAttribute("problem", "runs.refused");
            redirect.addFlashAttribute("problemDetail", e.getMessage());
            return "redirect:/plans";
        }
    }

    @PostMapping("/plans/{id}/enabled")
    String enable(Actor actor, @PathVariable long id, @RequestParam boolean value, RedirectAttributes redirect) {
        try {
            if (value) {
                plans.enable(id, actor.username());
            } else {
                plans.disable(id, actor.username());
            }
        } catch (PlanNotFoundException e) {
            throw new PageNotFoundException("plan " + id);
        }
        redirect.addFlashAttribute("notice", value ? "plans.enabled" : "plans.disabled");
        return "redirect:/plans";
    }
}
