package org.jicha.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jicha.facts.AuditContext;
import org.jicha.facts.FactAssembler;
import org.jicha.rules.Finding;
import org.jicha.rules.RuleError;
import org.jicha.rules.RuleSet;
import org.springframework.stereotype.Service;

/**
 * Impact preview (dry run) of a candidate rule set: both sets are evaluated over the stored records as of a
 * date, batch by batch, without recording a run, a finding or a ticket; the report says per rule how many
 * findings each set raises, which subjects the candidate newly flags and which it no longer flags, and how many
 * subjects the rule threw on in each set (a rule that throws is left out for that subject, as in a run).
 */
@Service
public class ImpactPreview {

    /** Subjects listed per rule and direction; the counts are always complete. */
    static final int LISTED_SUBJECTS = 500;

    private final BatchStep batches;

    public ImpactPreview(BatchStep batches) {
        this.batches = batches;
    }

    /**
     * One rule's change between the two sets. Subjects read {@code TYPE:id} or {@code TYPE:id@period}.
     * {@code errorsCurrent} and {@code errorsCandidate} count the subjects the rule threw on in each set;
     * {@code firstError} is the candidate's first ({@code CUSTOMER:C002: ArithmeticException: / by zero}), else the
     * current set's, else null.
     */
    public record RuleImpact(
            String ruleCode,
            String title,
            long findingsCurrent,
            long findingsCandidate,
            long newlyFlaggedCount,
            List<String> newlyFlagged,
            long noLongerFlaggedCount,
            List<String> noLongerFlagged,
            long errorsCurrent,
            long errorsCandidate,
            String firstError) {

        public boolean changed() {
            return newlyFlaggedCount > 0 || noLongerFlaggedCount > 0;
        }
    }

    public record PreviewReport(
            LocalDate asOf, String auditedPeriod, String currentHash, String candidateHash, List<RuleImpact> rules) {}

    public PreviewReport compare(RuleSet current, RuleSet candidate, LocalDate asOf) {
        AuditContext currentCtx = current.contextAsOf(asOf);
        AuditContext candidateCtx = candidate.contextAsOf(asOf);
        FactAssembler assembler = batches.assembler();
        // facts are assembled per set: decision tables fill in check facts, and calendars may differ
        BatchStep.Evaluator currentSet = batches.evaluator(assembler, current, currentCtx);
        BatchStep.Evaluator candidateSet = batches.evaluator(assembler, candidate, candidateCtx);
        Map<String, Set<String>> before = new TreeMap<>();
        Map<String, Set<String>> after = new TreeMap<>();
        Map<String, Threw> errorsBefore = new TreeMap<>();
        Map<String, Threw> errorsAfter = new TreeMap<>();
        batches.forEachBatch(currentCtx, null, batch -> {
            collect(currentSet.evaluate(batch), before, errorsBefore);
            collect(candidateSet.evaluate(batch), after, errorsAfter);
            return true;
        });

        Map<String, String> titles = new TreeMap<>();
        current.rules().forEach(r -> titles.put(r.code(), r.title()));
        candidate.rules().forEach(r -> titles.put(r.code(), r.title()));
        errorsBefore.keySet().forEach(code -> titles.putIfAbsent(code, null)); // RuleError.UNKNOWN_RULE
        errorsAfter.keySet().forEach(code -> titles.putIfAbsent(code, null));
        List<RuleImpact> impacts = new ArrayList<>();
        for (Map.Entry<String, String> rule : titles.entrySet()) {
            Set<String> was = before.getOrDefault(rule.getKey(), Set.of());
            Set<String> now = after.getOrDefault(rule.getKey(), Set.of());
            List<String> added = now.stream().filter(k -> !was.contains(k)).toList();
            List<String> removed = was.stream().filter(k -> !now.contains(k)).toList();
            Threw threwBefore = errorsBefore.getOrDefault(rule.getKey(), Threw.NONE);
            Threw threwAfter = errorsAfter.getOrDefault(rule.getKey(), Threw.NONE);
            RuleError first = threwAfter.first != null ? threwAfter.first : threwBefore.first;
            impacts.add(new RuleImpact(
                    rule.getKey(),
                    rule.getValue(),
                    was.size(),
                    now.size(),
                    added.size(),
                    added.stream().limit(LISTED_SUBJECTS).toList(),
                    removed.size(),
                    removed.stream().limit(LISTED_SUBJECTS).toList(),
                    threwBefore.count,
                    threwAfter.count,
                    first == null ? null : first.subject() + ": " + first.message()));
        }
        return new PreviewReport(
                asOf, currentCtx.getAuditedPeriod(), current.contentHash(), candidate.contentHash(), impacts);
    }

    /** How many subjects a rule threw on in one set, and the first. */
    private static final class Threw {

        static final Threw NONE = new Threw();

        long count;
        RuleError first;
    }

    private static void collect(
            BatchStep.Evaluated evaluated, Map<String, Set<String>> into, Map<String, Threw> errors) {
        for (Finding f : evaluated.findings()) {
            into.computeIfAbsent(f.ruleCode(), k -> new TreeSet<>())
                    .add(f.subjectType() + ":" + f.subjectId() + (f.period() == null ? "" : "@" + f.period()));
        }
        for (RuleError e : evaluated.errors()) {
            Threw threw = errors.computeIfAbsent(e.ruleCode(), k -> new Threw());
            threw.count++;
            if (threw.first == null) {
                threw.first = e;
            }
        }
    }
}
