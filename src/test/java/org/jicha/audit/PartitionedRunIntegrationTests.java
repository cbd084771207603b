package org.jicha.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jicha.Deadline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Partitioned runs, in one process on H2 with the partitions run by the test instead of Quartz (the launcher
 * only records them): a partitioned run finds what an ordinary run finds, a partition taken over by a second
 * attempt resumes after the last committed batch while the first attempt is fenced off, the last partition
 * closes the run exactly once, a node with another rule set fails the partition clearly, and the start-up
 * closer of interrupted runs leaves partitioned runs alone. One customer per batch, every one with one BIL-01.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:partitions;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
            "spring.quartz.auto-startup=false",
            "jicha.audit.batch-size=1",
            "jicha.audit.batch-pause=400ms"
        })
class PartitionedRunIntegrationTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);
    private static final int CUSTOMERS = 12;

    /** Records the partitions handed to it; the test runs them. */
    @TestConfiguration
    static class RecordingLauncher {

        static final List<long[]> LAUNCHED = new CopyOnWriteArrayList<>();

        @Bean
        @Primary
        PartitionLauncher recordingPartitionLauncher() {
            return (runId, partNo) -> LAUNCHED.add(new long[] {runId, partNo});
        }
    }

    @Autowired
    PartitionedAudits partitioned;

    @Autowired
    AuditService audits;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void world() {
        RecordingLauncher.LAUNCHED.clear();
        StoredWorld world = StoredWorld.reset(jdbc);
        for (int i = 1; i <= CUSTOMERS; i++) {
            String no = String.format("C%03d", i);
            // every meter misses its 2026-10 reading: one BIL-01 finding per customer
            world.customer(no).meter("M" + no, no, LocalDate.of(2030, 1, 1)).reading("M" + no, "2026-09", 1000, 1100);
        }
    }

    private RunView start(int partitions) {
        return partitioned.start(RunRequest.of(AS_OF, RunTrigger.MANUAL), partitions);
    }

    private void runAll(long runId, String node) {
        for (long[] launched : RecordingLauncher.LAUNCHED) {
            if (launched[0] == runId) {
                partitioned.runPartition(runId, (int) launched[1], node);
            }
        }
    }

    @Test
    void aPartitionedRunFindsWhatAnOrdinaryRunFindsOnce() {
        RunView started = start(3);
        assertThat(started.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(started.partitions())
                .extracting(
                        PartitionView::firstKey, PartitionView::lastKey, PartitionView::orphans, PartitionView::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, "C004", false, "PENDING"),
                        org.assertj.core.groups.Tuple.tuple("C005", "C008", false, "PENDING"),
                        org.assertj.core.groups.Tuple.tuple("C009", null, false, "PENDING"),
                        org.assertj.core.groups.Tuple.tuple(null, null, true, "PENDING"));
        assertThat(RecordingLauncher.LAUNCHED).hasSize(4);

        runAll(started.id(), "node-a");

        RunView done = audits.get(started.id());
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.findingsCount()).isEqualTo(CUSTOMERS);
        assertThat(done.findingsPerRule()).containsEntry("BIL-01", (long) CUSTOMERS);
        assertThat(done.progress().done()).isEqualTo(CUSTOMERS);
        assertThat(done.partitions()).allSatisfy(p -> {
            assertThat(p.status()).isEqualTo("DONE");
            assertThat(p.attempts()).isEqualTo(1);
            assertThat(p.node()).isEqualTo("node-a");
        });
        RunView ordinary = audits.run(AS_OF, RunTrigger.MANUAL);
        assertThat(fingerprints(done.id())).hasSize(CUSTOMERS).isEqualTo(fingerprints(ordinary.id()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inspection_tickets", Long.class))
                .isEqualTo(CUSTOMERS);
    }

    @Test
    void aPartitionTakenOverResumesAfterItsLastCommittedBatchAndTheFirstAttemptIsFencedOff() throws Exception {
        RunView started = start(2);
        CompletableFuture<Void> first =
                CompletableFuture.runAsync(() -> partitioned.runPartition(started.id(), 1, "node-b"));
        try {
            await(
                    () -> jdbc.queryForObject(
                                    "SELECT last_key_done FROM audit_run_partitions WHERE run_id = ? AND part_no = 1",
                                    String.class,
                                    started.id())
                            != null,
                    "partition 1's first batch");
            // as Quartz recovery would, while node-b is taken for dead: a second attempt from the resume point
            partitioned.runPartition(started.id(), 1, "node-a");
        } finally {
            first.get(180, TimeUnit.SECONDS); // never leave the first attempt running into the next test
        }
        runAll(started.id(), "node-a");

        Map<String, Object> part =
                jdbc.queryForMap("SELECT * FROM audit_run_partitions WHERE run_id = ? AND part_no = 1", started.id());
        assertThat(part)
                .containsEntry("STATUS", "DONE")
                .containsEntry("ATTEMPTS", 2)
                .containsEntry("NODE", "node-a")
                .containsEntry("LAST_KEY_DONE", "C006")
                .containsEntry("SUBJECTS", 6L);
        RunView done = audits.get(started.id());
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.findingsCount()).isEqualTo(CUSTOMERS);
        assertThat(fingerprints(done.id())).hasSize(CUSTOMERS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM findings WHERE run_id = ?", Long.class, done.id()))
                .as("no finding twice")
                .isEqualTo(CUSTOMERS);
    }

    @Test
    void onlyTheLastPartitionClosesTheRunAndOnlyOnce() {
        RunView started = start(3);
        for (int part = 1; part <= 3; part++) {
            partitioned.runPartition(started.id(), part, "node-a");
            assertThat(audits.get(started.id()).status())
                    .as("after partition %d", part)
                    .isEqualTo(RunStatus.RUNNING);
        }
        partitioned.runPartition(started.id(), 4, "node-b");
        RunView closed = audits.get(started.id());
        assertThat(closed.status()).isEqualTo(RunStatus.COMPLETED);

        // a job fired again (or recovered late) finds its partition settled and touches nothing
        partitioned.runPartition(started.id(), 2, "node-b");
        partitioned.runPartition(started.id(), 4, "node-b");
        RunView again = audits.get(started.id());
        assertThat(again.finishedAt()).isEqualTo(closed.finishedAt());
        assertThat(again.partitions()).allSatisfy(p -> assertThat(p.attempts()).isEqualTo(1));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_run_rule_counts WHERE run_id = ? AND rule_code = 'BIL-01'",
                        Long.class,
                        started.id()))
                .isEqualTo(1L);
    }

    @Test
    void aNodeWithAnotherRuleSetFailsThePartitionAndTheRunSayingWhy() {
        RunView started = start(2);
        jdbc.update("UPDATE audit_runs SET rule_set_hash = 'another-rule-set' WHERE id = ?", started.id());

        partitioned.runPartition(started.id(), 1, "node-c");

        RunView failed = audits.get(started.id());
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.message()).contains("partition 1 failed").contains("another-rule-set");
        assertThat(failed.partitions().get(0).status()).isEqualTo("FAILED");
        assertThat(failed.partitions().get(0).message()).contains("the rule set in force on node node-c");
        // the others find the run ended and do nothing
        partitioned.runPartition(started.id(), 2, "node-a");
        assertThat(audits.get(started.id()).partitions().get(1).status()).isEqualTo("PENDING");
    }

    @Test
    void theStartUpCloserLeavesPartitionedRunsToQuartzRecovery() {
        RunView started = start(2);
        jdbc.update("UPDATE audit_runs SET node_instance = 'a-node-that-died' WHERE id = ?", started.id());

        assertThat(audits.failInterruptedRuns()).isZero();
        assertThat(audits.get(started.id()).status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void aSecondPartitionedRunIsRefusedWhileOneRuns() {
        start(2);
        assertThatThrownBy(() -> start(2)).isInstanceOf(RunInProgressException.class);
    }

    private List<String> fingerprints(long runId) {
        return jdbc.queryForList(
                "SELECT fingerprint FROM findings WHERE run_id = ? ORDER BY fingerprint", String.class, runId);
    }

    /** Generous: on a shared 2-core box under a load of 40 the first batch took over 30 s. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Duration wait = Duration.ofSeconds(180);
        Deadline deadline = Deadline.in(wait);
        while (!condition.getAsBoolean()) {
            if (deadline.passed()) {
                throw new AssertionError("waited " + wait + " for " + what);
            }
            Thread.sleep(20);
        }
    }
}
