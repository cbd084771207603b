package org.jicha.rules.web;

import java.util.List;
import org.jicha.people.Actor;
import org.jicha.rules.candidates.RuleCandidateView;
import org.jicha.rules.candidates.RuleCandidates;
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
 * over the rules folder in force), list, read, delete. An upload is compiled at once: 201 with its outcome
 * (COMPILED or REJECTED with its problems); an unsafe or unexpected zip entry 400, too many or too large 413.
 */
@RestController
@RequestMapping("/api/rules/candidates")
class RuleCandidateController {

    private final RuleCandidates candidates;

    RuleCandidateController(RuleCandidates candidates) {
        this.candidates = candidates;
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

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable String id) {
        candidates.delete(actor, id);
    }
}
