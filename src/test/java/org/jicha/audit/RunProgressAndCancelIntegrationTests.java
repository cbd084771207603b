package org.jicha.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jicha.Deadline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run shows its progress (subjects done of total), can be cancelled between batches, and a scheduled run
 * that meets a running one waits for it while the API is refused at once. One customer per batch and a pause
 * between batches make the run slow enough to watch.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:progress;DB_CLOSE_DELAY=-1",
            "spring.quartz.auto-startup=false",
            "jicha.audit.batch-size=1",
            "jicha.audit.batch-pause=150ms",
            "jicha.audit.scheduled-run-wait=60s"
        })
class RunProgressAndCancelIntegrationTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);
    private static final int CUSTOMERS = 12;

    @Autowired
    AuditService audits;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void world() {
        StoredWorld world = StoredWorld.reset(jdbc);
        for (int i = 1; i <= CUSTOMERS; i++) {
            String no = String.format("C%03d", i);
            // every meter misses its 2026-10 reading: one BIL-01 finding per customer
            world.customer(no).meter("M" + no, no, LocalDate.of(2030, 1, 1)).reading("M" + no, "2026-09", 1000, 1100);
        }
    }

    @Test
    void aRunShowsItsProgressAndEndsWithEverySubjectDone() {
        RunView started = audits.start(AS_OF, RunTrigger.MANUAL);
        assertThat(started.progress().total()).isEqualTo(CUSTOMERS);

        await(() -> audits.get(started.id()).progress().done() > 0, "progress");
        RunView midway = audits.get(started.id());
        assertThat(midway.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(midway.progress().percent()).isBetween(0.0, 100.0);

        await(() -> audits.get(started.id()).status() != RunStatus.RUNNING, "the end of the run");
        RunView done = audits.get(started.id());
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.progress().done()).isEqualTo(CUSTOMERS);
        assertThat(done.progress().percent()).isEqualTo(100.0);
    }

    @Test
    void aCancelledRunStopsBetweenBatchesKeepsItsFindingsAndMarksNothingNotDetected() {
        RunView first = audits.run(AS_OF, RunTrigger.MANUAL);
        assertThat(first.findingsCount()).isEqualTo(CUSTOMERS);
        // every reading comes in: a complete run would mark every ticket "not detected"
        for (int i = 1; i <= CUSTOMERS; i++) {
            new StoredWorld(jdbc).reading(String.format("MC%03d", i), "2026-10", 1100, 1150);
        }
        RunView second = audits.start(AS_OF, RunTrigger.MANUAL);
        await(() -> audits.get(second.id()).progress().done() >= 2, "two batches");

        RunView asked = audits.cancel(second.id(), "auditor");
        assertThat(asked.cancelRequested()).isTrue();
        assertThat(jdbc.queryForList(
                        "SELECT actor || ' ' || detail FROM audit_trail WHERE action = 'RUN_CANCELLED' "
                                + "AND target = ?",
                        String.class,
                        "run:" + second.id()))
                .containsExactly("auditor as of " + AS_OF + " (2026-10)");
        await(() -> audits.get(second.id()).status() != RunStatus.RUNNING, "the cancel");

        RunView cancelled = audits.get(second.id());
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.message()).contains("已按请求取消").contains("cancelled");
        assertThat(cancelled.progress().done()).isBetween(2L, (long) CUSTOMERS - 1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM inspection_tickets WHERE not_detected_since_run_id IS " + "NOT NULL",
                        Long.class))
                .isZero();
        assertThatThrownBy(() -> audits.cancel(second.id(), "auditor"))
                .isInstanceOf(RunNotRunningException.class)
                .hasMessageContaining("CANCELLED");
    }

    @Test
    void aScheduledRunWaitsForTheRunningRunWhileTheApiIsRefusedAtOnce() throws Exception {
        RunView running = audits.start(AS_OF, RunTrigger.MANUAL);

        assertThatThrownBy(() -> audits.start(AS_OF, RunTrigger.MANUAL)).isInstanceOf(RunInProgressException.class);
        CompletableFuture<RunView> queued =
                CompletableFuture.supplyAsync(() -> audits.runQueued(RunRequest.of(AS_OF, RunTrigger.NIGHTLY)));

        RunView nightly = queued.get(60, TimeUnit.SECONDS);
        assertThat(audits.get(running.id()).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(nightly.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(nightly.startedAt())
                .isAfterOrEqualTo(audits.get(running.id()).finishedAt());
    }

    private static void await(BooleanSupplier condition, String what) {
        Deadline deadline = Deadline.in(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (deadline.passed()) {
                throw new AssertionError("waited 30 s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
