package org.jicha.rules.versions;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RuleSetVersionRepository extends JpaRepository<RuleSetVersion, Long> {

    Optional<RuleSetVersion> findByContentHash(String contentHash);
}
