package org.jicha.rules.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jicha.people.Actor;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.ReloadAttempt;
import org.jicha.rules.ReloadTrigger;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.RuleSet;
import org.jicha.rules.RuleSetVersionView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rule catalogue in force, its version and the last (re)load attempt; forcing a reload. */
@RestController
@RequestMapping("/api/rules")
class RuleCatalogueController {

    private final ActiveRuleSet active;

    RuleCatalogueController(ActiveRuleSet active) {
        this.active = active;
    }

    record Catalogue(
            String contentHash,
            Instant compiledAt,
            List<String> files,
            List<RuleMeta> rules,
            Map<String, Object> parameters) {}

    record ActiveVersion(RuleSetVersionView version, ReloadAttempt lastAttempt) {}

    @GetMapping
    Catalogue catalogue() {
        RuleSet set = active.current();
        return new Catalogue(
                set.contentHash(),
                set.compiledAt(),
                set.files(),
                set.rules(),
                set.parameters().asMap());
    }

    @GetMapping("/active")
    ActiveVersion activeVersion() {
        return new ActiveVersion(active.currentVersion(), active.lastAttempt().orElse(null));
    }

    /**
     * Reloads the configured rules folder ({@code jicha.rules.dir}, never another): 200 with ACTIVATED or
     * UNCHANGED; a rejected folder is answered 422 ({@code rules.web.RuleProblems}). Traced in the audit trail.
     */
    @PostMapping("/reload")
    ReloadAttempt reload(Actor actor) {
        return active.reloadNow(ReloadTrigger.API, actor);
    }
}
