package org.jicha.tickets;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * How the auditors judged each rule's tickets: its open tickets, the confirmed ones (VERIFIED or CLOSED), the
 * false positives, and its precision, confirmed / (confirmed + false positive), once any is judged.
 */
@Service
public class RulePrecision {

    private final TicketService tickets;

    RulePrecision(TicketService tickets) {
        this.tickets = tickets;
    }

    /** A rule's judged tickets; {@code precision} is null until a ticket of it is confirmed or a false positive. */
    public record Judged(long openTickets, long confirmed, long falsePositives, Double precision) {

        static final Judged NONE = of(new EnumMap<>(TicketStatus.class));

        static Judged of(Map<TicketStatus, Long> byStatus) {
            long open = byStatus.entrySet().stream()
                    .filter(e -> e.getKey().isOpen())
                    .mapToLong(Map.Entry::getValue)
                    .sum();
            long confirmed =
                    byStatus.getOrDefault(TicketStatus.VERIFIED, 0L) + byStatus.getOrDefault(TicketStatus.CLOSED, 0L);
            long falsePositives = byStatus.getOrDefault(TicketStatus.FALSE_POSITIVE, 0L);
            Double precision =
                    confirmed + falsePositives == 0 ? null : (double) confirmed / (confirmed + falsePositives);
            return new Judged(open, confirmed, falsePositives, precision);
        }
    }

    /** Per rule code that has tickets. */
    public Map<String, Judged> perRule() {
        Map<String, Judged> judged = new TreeMap<>();
        tickets.countsByRuleAndStatus().forEach((rule, byStatus) -> judged.put(rule, Judged.of(byStatus)));
        return judged;
    }

    /** A rule without tickets. */
    public static Judged none() {
        return Judged.NONE;
    }
}
