package org.jicha.audit;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The errors one rule met in a run: its code and Chinese title (null for {@code ?}, an error Drools named no
 * rule for), where the rule is defined, how many subjects it threw on, and the first of them
 * ({@code jicha.audit.max-errors-per-rule}) with the root cause's message.
 */
public record RunErrorView(String ruleCode, String title, String location, long count, List<Occurrence> first) {

    /** One subject the rule threw on. */
    public record Occurrence(String subject, String message, LocalDateTime at) {}
}
