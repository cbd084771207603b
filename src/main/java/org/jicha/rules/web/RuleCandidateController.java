package org.jicha.rules.web;

import java.util.List;
import org.jicha.people.Actor;
import org.jicha.rules.candidates.RuleCandidateView;
import org.jicha.rules.candidates.RuleCandidates;
import org.jicha.rules.candidates.RulePromotion;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Candidate rule sets ({@code /api/rules/candidates}): upload (AUDITOR, ADMIN; multipart field {@code files}:
 * one zip of a rules folder, or single {@code *.drl}, {@code *.drl.xlsx}, {@code parameters.yml} files laid
 * over the rules folder in force), list, read, delete, promote (put in force). An upload is compiled at once: 201 with its outcome
 * (COMPILED or REJECTED with its problems); an unsafe or unexpected zip entry 400, too many or too large 413.
 */
@RestController
@RequestMapping("/api/rules/candidates")
class RuleCandidateController {

    private final RuleCandidates candidates;
    private final RulePromotion promotion;

    RuleCandidateController(RuleCandidates candidates, RulePromotion promotion) {
        this.candidates = candidates;
        this.promotion = promotion;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    RuleCandidateView upload(Actor actor, @RequestParam("files") List<MultipartFile> files) {
        return candidates.upload(
                actor,
                files.stream()
                        .map(f -> new RuleCandidates.Upload(f.getOriginalFilename(), f.getSize(), f))
                        .toList());
    }

    @GetMapping
    List<RuleCandidateView> list() {
        return candidates.list();
    }

    @GetMapping("/{id}")
    RuleCandidateView get(@PathVariable String id) {
        return candidates.get(id);
    }

    /**
     * Puts the candidate in force (AUDITOR, ADMIN): its files into {@code jicha.rules.dir}, then the hot reload;
     * 200 with the new version's attempt and the files written; 409 when it did not compile, its base changed or
     * it is in force already; 400 without a {@code reason}. Recorded in the audit trail.
     */
    @PostMapping("/{id}/promote")
    RulePromotion.Promoted promote(
            Actor actor, @PathVariable String id, @RequestParam(required = false) String reason) {
        return promotion.promote(actor, id, reason);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable String id) {
        candidates.delete(actor, id);
    }
}
