package org.jicha.plans;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditPlanRepository extends JpaRepository<AuditPlan, Long> {

    List<AuditPlan> findAllByOrderByIdAsc();
}
