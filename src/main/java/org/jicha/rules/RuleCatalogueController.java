package org.jicha.rules;

import java.util.List;
import java.util.Map;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rule catalogue in force, its version and the last (re)load attempt; forcing a reload. */
@RestController
@RequestMapping("/api/rules")
class RuleCatalogueController {

    private final ActiveRuleSet active;
    private final AuditTrail trail;

    RuleCatalogueController(ActiveRuleSet active, AuditTrail trail) {
        this.active = active;
        this.trail = trail;
    }

    record Catalogue(String contentHash, java.time.Instant compiledAt, List<String> files, List<RuleMeta> rules,
                     Map<String, Object> parameters) {
    }

    record ActiveVersion(RuleSetVersionView version, ReloadAttempt lastAttempt) {
    }

    @GetMapping
    Catalogue catalogue() {
        RuleSet set = active.current();
        return new Catalogue(set.contentHash(), set.compiledAt(), set.files(), set.rules(), set.parameters().asMap());
    }

    @GetMapping("/active")
    ActiveVersion activeVersion() {
        return new ActiveVersion(active.currentVersion(), active.lastAttempt().orElse(null));
    }

    /** 200 with ACTIVATED or UNCHANGED; a rejected folder is answered 422 by {@link RulesExceptionHandler}. */
    @PostMapping("/reload")
    ReloadAttempt reload(Actor actor) {
        try {
            ReloadAttempt attempt = active.reloadNow(ReloadTrigger.API);
            trail.record(actor.username(), "RULES_RELOAD", attempt.contentHash(), "API " + attempt.outcome());
            return attempt;
        } catch (RuleSetRejectedException e) {
            trail.record(actor.username(), "RULES_RELOAD", null, "API REJECTED: " + e.getMessage());
            throw e;
        }
    }
}
