package org.jicha.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jicha.audit.AuditService;
import org.jicha.audit.ImpactPreview;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.ReloadAttempt;
import org.jicha.rules.ReloadTrigger;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.jicha.rules.RuleSetException;
import org.jicha.rules.RuleSetLoader;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rule catalogue in force: each rule's metadata, parameters, last findings and precision; the version in
 * force and the last reload attempt; a reload button and the impact preview of a candidate folder (auditors).
 */
@Controller
@WebPage
class RulePages {

    private final ActiveRuleSet active;
    private final RuleStatistics statistics;
    private final ImpactPreview preview;
    private final AuditService audits;
    private final AuditTrail trail;

    RulePages(ActiveRuleSet active, RuleStatistics statistics, ImpactPreview preview, AuditService audits,
              AuditTrail trail) {
        this.active = active;
        this.statistics = statistics;
        this.preview = preview;
        this.audits = audits;
        this.trail = trail;
    }

    @GetMapping("/rules")
    String catalogue(Model model) {
        RuleSet set = active.current();
        Map<String, RuleStatistics.RuleFigures> figures = new TreeMap<>();
        statistics.ofLastRuns(12).forEach(f -> figures.put(f.code(), f));
        model.addAttribute("rules", set.rules());
        model.addAttribute("figures", figures);
        model.addAttribute("version", active.currentVersion());
        model.addAttribute("lastAttempt", active.lastAttempt().orElse(null));
        model.addAttribute("today", audits.today());
        return "rules/list";
    }

    @GetMapping("/rules/{code}")
    String rule(@PathVariable String code, Model model) {
        RuleSet set = active.current();
        RuleMeta rule = set.rule(code).orElseThrow(() -> new PageNotFoundException("rule " + code));
        Map<String, Object> parameters = new TreeMap<>();
        set.parameters().asMap().forEach((k, v) -> {
            if (k.startsWith(code + ".")) {
                parameters.put(k.substring(code.length() + 1), v);
            }
        });
        model.addAttribute("rule", rule);
        model.addAttribute("parameters", parameters);
        model.addAttribute("figures", statistics.ofLastRuns(12).stream().filter(f -> f.code().equals(code))
                .findFirst().orElse(null));
        return "rules/show";
    }

    @PostMapping("/rules/reload")
    String reload(Actor actor, RedirectAttributes redirect) {
        ReloadAttempt attempt = active.reload(ReloadTrigger.API);
        trail.record(actor.username(), "RULES_RELOAD", attempt.contentHash(), "WEB " + attempt.outcome());
        redirect.addFlashAttribute("notice", "rules.reload.outcome." + attempt.outcome());
        return "redirect:/rules";
    }

    @PostMapping("/rules/preview")
    String preview(@RequestParam String candidate,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                   Model model) {
        model.addAttribute("candidate", candidate);
        model.addAttribute("asOf", asOf);
        Path dir = Path.of(candidate.strip());
        if (candidate.isBlank() || !Files.isDirectory(dir)) {
            model.addAttribute("previewError", "rules.preview.noFolder");
        } else {
            try {
                model.addAttribute("report", preview.compare(active.current(), new RuleSetLoader().load(dir),
                        asOf == null ? audits.today() : asOf));
            } catch (RuleSetException e) {
                model.addAttribute("previewError", "rules.preview.rejected");
                model.addAttribute("problems", e.problems().stream().map(Object::toString).toList());
            }
        }
        return catalogue(model);
    }
}
