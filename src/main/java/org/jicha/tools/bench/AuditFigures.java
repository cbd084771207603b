package org.jicha.tools.bench;

/**
 * The full audit phase ({@code AuditService.run}: reading, facts, every rule, findings and tickets written): its
 * wall time, the subjects checked and findings written, and the phase's peak heap.
 */
public record AuditFigures(
        long runId, String status, long wallMillis, long subjects, long findings, long peakHeapBytes) {

    public double subjectsPerSecond() {
        return Rates.perSecond(subjects, wallMillis);
    }

    public double findingsPerSecond() {
        return Rates.perSecond(findings, wallMillis);
    }
}
