package org.jicha.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 *
 * <p>Memory stays bounded whatever the county's size: a subject's findings come from one batch in both sets, so
 * each batch is compared on its own and only counts and the differing findings leave it; the differences go to a
 * {@link Differences} sink (the stored preview, {@link CandidatePreview}), the report lists the first
 * {@value #LISTED_SUBJECTS} per rule and direction.
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

    /** The report; {@code previewId} names the stored preview whose differences can be paged (null: not stored). */
    public record PreviewReport(
            LocalDate asOf,
            String auditedPeriod,
            String currentHash,
            String candidateHash,
            List<RuleImpact> rules,
            Long previewId) {

        PreviewReport stored(long id) {
            return new PreviewReport(asOf, auditedPeriod, currentHash, candidateHash, rules, id);
        }
    }

    /** Whether the candidate raises a finding the set in force does not (NEW), or no longer raises it (GONE). */
    public enum Change {
        NEW,
        GONE
    }

    /** A finding one set raises and the other does not, with the evidence of the set that raised it. */
    public record Difference(Change change, Finding finding) {}

    /** Receives the differences of each batch as the preview goes. */
    @FunctionalInterface
    public interface Differences {

        Differences NONE = batch -> {};

        void batch(List<Difference> differences);
    }

    public PreviewReport compare(RuleSet current, RuleSet candidate, LocalDate asOf) {
        return compare(current, candidate, asOf, Differences.NONE);
    }

    /** Compares the two sets as of {@code asOf}, handing each batch's differing findings to {@code differences}. */
    public PreviewReport compare(RuleSet current, RuleSet candidate, LocalDate asOf, Differences differences) {
        AuditContext currentCtx = current.contextAsOf(asOf);
        AuditContext candidateCtx = candidate.contextAsOf(asOf);
        FactAssembler assembler = batches.assembler();
        // facts are assembled per set: decision tables fill in check facts, and calendars may differ
        BatchStep.Evaluator currentSet = batches.evaluator(assembler, current, currentCtx);
        BatchStep.Evaluator candidateSet = batches.evaluator(assembler, candidate, candidateCtx);
        Map<String, Tally> tallies = new TreeMap<>();
        Map<String, Threw> errorsBefore = new TreeMap<>();
        Map<String, Threw> errorsAfter = new TreeMap<>();
        batches.forEachBatch(currentCtx, null, batch -> {
            Map<String, Finding> was = keyed(currentSet.evaluate(batch), errorsBefore);
            Map<String, Finding> now = keyed(candidateSet.evaluate(batch), errorsAfter);
            List<Difference> differing = new ArrayList<>();
            was.forEach((key, f) -> {
                Tally tally = tallies.computeIfAbsent(f.ruleCode(), k -> new Tally());
                tally.current++;
                if (!now.containsKey(key)) {
                    tally.gone(key);
                    differing.add(new Difference(Change.GONE, f));
                }
            });
            now.forEach((key, f) -> {
                Tally tally = tallies.computeIfAbsent(f.ruleCode(), k -> new Tally());
                tally.candidate++;
                if (!was.containsKey(key)) {
                    tally.added(key);
                    differing.add(new Difference(Change.NEW, f));
                }
            });
            if (!differing.isEmpty()) {
                differences.batch(differing);
            }
            return true;
        });

        Map<String, String> titles = new TreeMap<>();
        current.rules().forEach(r -> titles.put(r.code(), r.title()));
        candidate.rules().forEach(r -> titles.put(r.code(), r.title()));
        tallies.keySet().forEach(code -> titles.putIfAbsent(code, null));
        errorsBefore.keySet().forEach(code -> titles.putIfAbsent(code, null)); // RuleError.UNKNOWN_RULE
        errorsAfter.keySet().forEach(code -> titles.putIfAbsent(code, null));
        List<RuleImpact> impacts = new ArrayList<>();
        for (Map.Entry<String, String> rule : titles.entrySet()) {
            Tally tally = tallies.getOrDefault(rule.getKey(), new Tally());
            Threw threwBefore = errorsBefore.getOrDefault(rule.getKey(), Threw.NONE);
            Threw threwAfter = errorsAfter.getOrDefault(rule.getKey(), Threw.NONE);
            RuleError first = threwAfter.first != null ? threwAfter.first : threwBefore.first;
            impacts.add(new RuleImpact(
                    rule.getKey(),
                    rule.getValue(),
                    tally.current,
                    tally.candidate,
                    tally.addedCount,
                    List.copyOf(tally.added),
                    tally.goneCount,
                    List.copyOf(tally.gone),
                    threwBefore.count,
                    threwAfter.count,
                    first == null ? null : first.subject() + ": " + first.message()));
        }
        return new PreviewReport(
                asOf, currentCtx.getAuditedPeriod(), current.contentHash(), candidate.contentHash(), impacts, null);
    }

    /** How many subjects a rule threw on in one set, and the first. */
    private static final class Threw {

        static final Threw NONE = new Threw();

        long count;
        RuleError first;
    }

    /** One rule's counts over the batches so far, and the first subjects listed per direction. */
    private static final class Tally {

        long current;
        long candidate;
        long addedCount;
        long goneCount;
        final Set<String> added = new TreeSet<>();
        final Set<String> gone = new TreeSet<>();

        void added(String key) {
            addedCount++;
            if (added.size() < LISTED_SUBJECTS) {
                added.add(subjectOf(key));
            }
        }

        void gone(String key) {
            goneCount++;
            if (gone.size() < LISTED_SUBJECTS) {
                gone.add(subjectOf(key));
            }
        }

        private static String subjectOf(String key) {
            return key.substring(key.indexOf('|') + 1);
        }
    }

    /** A batch's findings by rule and subject ({@code RULE|TYPE:id@period}), one per key; counts its errors. */
    private static Map<String, Finding> keyed(BatchStep.Evaluated evaluated, Map<String, Threw> errors) {
        Map<String, Finding> keyed = new LinkedHashMap<>();
        for (Finding f : evaluated.findings()) {
            keyed.putIfAbsent(
                    f.ruleCode() + "|" + f.subjectType() + ":" + f.subjectId()
                            + (f.period() == null ? "" : "@" + f.period()),
                    f);
        }
        for (RuleError e : evaluated.errors()) {
            Threw threw = errors.computeIfAbsent(e.ruleCode(), k -> new Threw());
            threw.count++;
            if (threw.first == null) {
                threw.first = e;
            }
        }
        return keyed;
    }
}
