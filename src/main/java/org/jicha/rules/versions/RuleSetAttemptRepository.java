package org.jicha.rules.versions;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RuleSetAttemptRepository extends JpaRepository<RuleSetAttempt, Long> {

    Optional<RuleSetAttempt> findFirstByOrderByIdDesc();
}
