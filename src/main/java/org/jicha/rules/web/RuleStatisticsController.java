package org.jicha.rules.web;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rule statistics as JSON (see {@link RuleStatistics}). */
@RestController
class RuleStatisticsController {

    private final RuleStatistics statistics;

    RuleStatisticsController(RuleStatistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/api/rules/statistics")
    List<RuleFigures> statistics(@RequestParam(defaultValue = "12") int runs) {
        return statistics.ofLastRuns(runs);
    }
}
