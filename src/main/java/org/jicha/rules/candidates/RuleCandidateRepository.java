package org.jicha.rules.candidates;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RuleCandidateRepository extends JpaRepository<RuleCandidate, String> {

    List<RuleCandidate> findAllByOrderByUploadedAtDescIdDesc();
}
