package org.jicha.rules;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rule catalogue in force, with each rule's metadata and the rule set's version. */
@RestController
@RequestMapping("/api/rules")
class RuleCatalogueController {

    private final ActiveRuleSet active;

    RuleCatalogueController(ActiveRuleSet active) {
        this.active = active;
    }

    record Catalogue(String contentHash, java.time.Instant compiledAt, List<String> files, List<RuleMeta> rules,
                     Map<String, Object> parameters) {
    }

    @GetMapping
    Catalogue catalogue() {
        RuleSet set = active.current();
        return new Catalogue(set.contentHash(), set.compiledAt(), set.files(), set.rules(), set.parameters().asMap());
    }
}
