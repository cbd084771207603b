package org.jicha.rules.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jicha.calendar.ChinaTime;
import org.jicha.people.Actor;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.ReloadAttempt;
import org.jicha.rules.ReloadTrigger;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.jicha.rules.candidates.CandidateOutcome;
import org.jicha.rules.candidates.RuleCandidateNotFoundException;
import org.jicha.rules.candidates.RuleCandidateRefusedException;
import org.jicha.rules.candidates.RuleCandidateView;
import org.jicha.rules.candidates.RuleCandidates;
import org.jicha.web.PageNotFoundException;
import org.jicha.web.WebPage;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rule catalogue in force: each rule's metadata, parameters, last findings and precision; the version in
 * force and the last reload attempt; a reload button; the candidates area (auditors upload a candidate rule
 * set, then see what came of compiling it on the candidate's page, {@code RuleCandidatePages}; delete it). The impact
 * preview of a candidate picked from it is the audit's ({@code audit.web.RulePreviewPage}), on a page of its own.
 */
@NamedInterface("pages")
@Controller
@WebPage
public class RulePages {

    private final ActiveRuleSet active;
    private final RuleStatistics statistics;
    private final RuleCandidates candidates;
    private final Clock clock;

    RulePages(ActiveRuleSet active, RuleStatistics statistics, RuleCandidates candidates, Clock clock) {
        this.active = active;
        this.statistics = statistics;
        this.candidates = candidates;
        this.clock = clock;
    }

    /** A candidate as the page lists it, its upload time in Shanghai time. */
    record CandidateRow(RuleCandidateView candidate, LocalDateTime uploadedAt) {

        public boolean compiled() {
            return candidate.outcome() == CandidateOutcome.COMPILED;
        }
    }

    /** The catalogue page; also the page the impact preview is shown on. */
    @GetMapping("/rules")
    public String catalogue(Model model) {
        RuleSet set = active.current();
        Map<String, RuleFigures> figures = new TreeMap<>();
        statistics.ofLastRuns(12).forEach(f -> figures.put(f.code(), f));
        model.addAttribute("rules", set.rules());
        model.addAttribute("figures", figures);
        model.addAttribute("version", active.currentVersion());
        model.addAttribute("lastAttempt", active.lastAttempt().orElse(null));
        model.addAttribute("today", ChinaTime.today(clock));
        List<CandidateRow> rows = candidates.list().stream()
                .map(c -> new CandidateRow(c, LocalDateTime.ofInstant(c.uploadedAt(), ChinaTime.ZONE)))
                .toList();
        model.addAttribute("candidates", rows);
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
        model.addAttribute(
                "figures",
                statistics.ofLastRuns(12).stream()
                        .filter(f -> f.code().equals(code))
                        .findFirst()
                        .orElse(null));
        return "rules/show";
    }

    @PostMapping("/rules/reload")
    String reload(Actor actor, RedirectAttributes redirect) {
        ReloadAttempt attempt = active.reload(ReloadTrigger.API, actor);
        redirect.addFlashAttribute("notice", "rules.reload.outcome." + attempt.outcome());
        return "redirect:/rules";
    }

    @PostMapping("/rules/candidates")
    String upload(
            Actor actor,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            RedirectAttributes redirect) {
        try {
            RuleCandidateView candidate = candidates.upload(
                    actor,
                    files == null
                            ? List.of()
                            : files.stream()
                                    .map(f -> new RuleCandidates.Upload(f.getOriginalFilename(), f.getSize(), f))
                                    .toList());
            if (candidate.outcome() == CandidateOutcome.COMPILED) {
                redirect.addFlashAttribute("notice", "rules.candidates.uploaded");
            } else {
                redirect.addFlashAttribute("problem", "rules.candidates.uploadedRejected");
            }
            return "redirect:/rules/candidates/" + candidate.id();
        } catch (RuleCandidateRefusedException e) {
            redirect.addFlashAttribute("problem", "rules.candidates.refused");
            redirect.addFlashAttribute("problemDetail", e.getMessage());
        }
        return "redirect:/rules#candidates";
    }

    @PostMapping("/rules/candidates/{id}/delete")
    String delete(Actor actor, @PathVariable String id, RedirectAttributes redirect) {
        try {
            candidates.delete(actor, id);
            redirect.addFlashAttribute("notice", "rules.candidates.deleted");
        } catch (RuleCandidateNotFoundException | IllegalArgumentException e) {
            throw new PageNotFoundException("candidate " + id);
        }
        return "redirect:/rules#candidates";
    }
}
