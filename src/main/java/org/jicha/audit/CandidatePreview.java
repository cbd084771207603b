package org.jicha.audit;

import java.time.Clock;
import java.time.LocalDate;
import org.jicha.calendar.ChinaTime;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.RuleSet;
import org.jicha.rules.RuleSetException;
import org.jicha.rules.candidates.RuleCandidateNotFoundException;
import org.jicha.rules.candidates.RuleCandidates;
import org.springframework.stereotype.Service;

/**
 * The impact preview of a stored candidate rule set, named by its id ({@link RuleCandidates}), against the
 * set in force, for the API and the rules page alike. The preview is stored ({@link PreviewRecords}: the counts
 * per rule and only the findings that differ, with names and evidence) so that its subjects can be paged. Every
 * preview goes to the audit trail with the actor, the candidate's id and content hash, the as-of date and the
 * outcome, refused ones included.
 */
@Service
public class CandidatePreview {

    private static final int TARGET_MAX = 200;

    private final ImpactPreview preview;
    private final ActiveRuleSet active;
    private final RuleCandidates candidates;
    private final Clock clock;
    private final AuditTrail trail;
    private final PreviewRecords records;

    CandidatePreview(
            ImpactPreview preview,
            ActiveRuleSet active,
            RuleCandidates candidates,
            Clock clock,
            AuditTrail trail,
            PreviewRecords records) {
        this.preview = preview;
        this.records = records;
        this.active = active;
        this.candidates = candidates;
        this.clock = clock;
        this.trail = trail;
    }

    /**
     * Compares candidate {@code candidateId} with the set in force as of {@code asOf} (today when null). Anything
     * but a candidate id is refused (400) before anything is read or compiled, an unknown id is 404, a candidate
     * with problems 422 ({@link RuleSetException}).
     */
    public ImpactPreview.PreviewReport preview(Actor actor, String candidateId, LocalDate asOf) {
        LocalDate date = asOf == null ? ChinaTime.today(clock) : asOf;
        String target = RuleCandidates.isId(candidateId)
                ? RuleCandidates.target(candidateId)
                : "refused:" + fit(String.valueOf(candidateId));
        RuleCandidates.Compiled compiled;
        try {
            compiled = candidates.compile(candidateId);
        } catch (RuleSetException e) {
            trail.record(
                    actor.username(),
                    "RULES_PREVIEW",
                    target,
                    storedHash(candidateId) + "asOf=" + date + " outcome=REJECTED ("
                            + e.problems().size() + " problems)");
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | RuleCandidateNotFoundException e) {
            trail.record(
                    actor.username(),
                    "RULES_PREVIEW",
                    target,
                    storedHash(candidateId) + "asOf=" + date + " outcome=REFUSED: " + e.getMessage());
            throw e;
        }
        RuleSet inForce = active.current();
        long previewId = records.start(
                candidateId,
                compiled.candidate().contentHash(),
                inForce.contentHash(),
                date,
                inForce.contextAsOf(date).getAuditedPeriod(),
                actor.username(),
                clock.instant());
        ImpactPreview.PreviewReport report;
        try {
            report = preview.compare(inForce, compiled.ruleSet(), date, batch -> records.add(previewId, batch))
                    .stored(previewId);
            records.finish(previewId, report.rules());
        } catch (RuntimeException e) {
            records.discard(previewId);
            throw e;
        }
        long changed = report.rules().stream()
                .filter(ImpactPreview.RuleImpact::changed)
                .count();
        trail.record(
                actor.username(),
                "RULES_PREVIEW",
                target,
                "hash=" + compiled.candidate().contentHash() + " asOf=" + date + " against=" + report.currentHash()
                        + " outcome=OK (" + changed + " rules change) preview=" + previewId);
        return report;
    }

    /** "hash=... " of a stored candidate, empty for anything else. */
    private String storedHash(String candidateId) {
        if (!RuleCandidates.isId(candidateId)) {
            return "";
        }
        try {
            return "hash=" + candidates.get(candidateId).contentHash() + " ";
        } catch (RuleCandidateNotFoundException e) {
            return "";
        }
    }

    private static String fit(String text) {
        String t = text.replaceAll("\\p{Cntrl}", "?");
        return t.length() <= TARGET_MAX - 10 ? t : t.substring(0, TARGET_MAX - 13) + "...";
    }
}
