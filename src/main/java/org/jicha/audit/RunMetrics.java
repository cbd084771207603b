package org.jicha.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jicha.rules.Finding;
import org.springframework.stereotype.Component;

/**
 * The runs' Micrometer meters (docs/OPERATIONS.md, "Operator's view"): {@code jicha.run.duration} (timer, tagged
 * by trigger, mode and outcome), {@code jicha.run.subjects} (subjects evaluated, by trigger), {@code
 * jicha.run.subjects.rate} (subjects per second of the running run, else of the last one), {@code jicha.run.active}
 * (1 while a run runs on this node) and {@code jicha.findings} (findings raised, by rule: the rule set's ~63 codes
 * bound the series).
 */
@Component
class RunMetrics {

    private final MeterRegistry registry;
    private volatile double rate;
    private final AtomicInteger active = new AtomicInteger();

    RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("jicha.run.subjects.rate", this, m -> m.rate)
                .description("Subjects evaluated per second by the running audit run, else by the last one")
                .register(registry);
        Gauge.builder("jicha.run.active", active, AtomicInteger::get)
                .description("Audit runs running on this node")
                .register(registry);
    }

    /** A run starting on this node. */
    Tracker start(AuditRun run) {
        active.incrementAndGet();
        return new Tracker(run, System.nanoTime());
    }

    /** One run's measurements, from its start to its end. */
    final class Tracker {

        private final AuditRun run;
        private final long began;
        private final Counter subjects;
        private long subjectsSoFar;

        private Tracker(AuditRun run, long began) {
            this.run = run;
            this.began = began;
            this.subjects = Counter.builder("jicha.run.subjects")
                    .description("Subjects (customers, applications without one) evaluated by audit runs")
                    .tag("trigger", run.getTrigger().name())
                    .register(registry);
        }

        /** A batch evaluated and recorded: its subjects and its findings. */
        void batch(long batchSubjects, List<Finding> findings) {
            subjects.increment(batchSubjects);
            subjectsSoFar += batchSubjects;
            findings.stream()
                    .collect(Collectors.groupingBy(Finding::ruleCode, Collectors.counting()))
                    .forEach((rule, n) -> Counter.builder("jicha.findings")
                            .description("Findings raised by audit runs, per rule")
                            .tag("rule", rule)
                            .register(registry)
                            .increment(n));
            rate = subjectsSoFar / Math.max(1e-3, (System.nanoTime() - began) / 1e9);
        }

        /** The run ended with {@code outcome} (COMPLETED, CANCELLED, FAILED ...). */
        void end(RunStatus outcome) {
            long nanos = System.nanoTime() - began;
            active.decrementAndGet();
            if (subjectsSoFar > 0) {
                rate = subjectsSoFar / Math.max(1e-3, nanos / 1e9);
            }
            Timer.builder("jicha.run.duration")
                    .description("How long audit runs took, by trigger, mode and outcome")
                    .tag("trigger", run.getTrigger().name())
                    .tag("mode", run.getMode().name())
                    .tag("outcome", outcome.name())
                    .register(registry)
                    .record(Duration.ofNanos(nanos));
        }
    }
}
