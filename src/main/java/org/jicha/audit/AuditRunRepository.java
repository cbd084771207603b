package org.jicha.audit;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditRunRepository extends JpaRepository<AuditRun, Long> {

    Page<AuditRun> findAllByOrderByIdDesc(Pageable pageable);

    List<AuditRun> findByStatus(RunStatus status);

    Optional<AuditRun> findFirstByStatusOrderByIdDesc(RunStatus status);

    /** The latest run of any of the statuses (the latest completed run: COMPLETED or COMPLETED_WITH_ERRORS). */
    Optional<AuditRun> findFirstByStatusInOrderByIdDesc(Collection<RunStatus> statuses);

    /** The latest run of a trigger kind among the statuses (the last completed nightly run). */
    Optional<AuditRun> findFirstByTriggerAndStatusInOrderByIdDesc(RunTrigger trigger, Collection<RunStatus> statuses);

    /** The latest run of a trigger kind, whatever its status. */
    Optional<AuditRun> findFirstByTriggerOrderByIdDesc(RunTrigger trigger);

    /** The latest interrupted runs of a trigger kind: candidates for a Quartz recovery to re-run. */
    List<AuditRun> findTop20ByInterruptedTrueAndTriggerOrderByIdDesc(RunTrigger trigger);

    boolean existsByRecoversRunId(Long runId);

    /** The latest run of the statuses among the given modes (the base an incremental run may build on). */
    Optional<AuditRun> findFirstByStatusInAndModeInOrderByIdDesc(
            Collection<RunStatus> statuses, Collection<RunMode> modes);
}
