package org.jicha.tickets;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jicha.people.Actor;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Inspection tickets: search and read (within the reader's scope), the workflow's actions, feedback with
 * evidence files, bulk dispatch and bulk false positive, and evidence download.
 */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

    /** The last page number: with at most 500 per page the offset stays an int. */
    static final int MAX_PAGE = 1_000_000;

    private final TicketService tickets;
    private final TicketWorkflow workflow;

    TicketController(TicketService tickets, TicketWorkflow workflow) {
        this.tickets = tickets;
        this.workflow = workflow;
    }

    @GetMapping
    Page<InspectionTicket> search(
            Actor actor,
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String rule,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) TicketStatus status,
            @RequestParam(required = false) Boolean needsAttention,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") @PositiveOrZero @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return tickets.search(
                new TicketFilter(theme, rule, unit, status, needsAttention, overdue),
                actor,
                PageRequest.of(page, size, Sort.by("dueOn", "id")));
    }

    @GetMapping("/{id}")
    TicketDetails get(Actor actor, @PathVariable long id) {
        return workflow.details(id, actor);
    }

    @PostMapping(path = "/{id}/actions/{action}", consumes = MediaType.APPLICATION_JSON_VALUE)
    TicketDetails act(
            Actor actor, @PathVariable long id, @PathVariable String action, @RequestBody TicketCommand command) {
        return workflow.act(id, TicketAction.parse(action), command, actor);
    }

    @PostMapping(path = "/{id}/feedback", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    TicketDetails feedback(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) Long version,
            @RequestParam(required = false) String comment,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        return workflow.submitFeedback(id, new TicketCommand(version, comment, null, null, null, null), files, actor);
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    List<TicketAttachment> addEvidence(
            Actor actor,
            @PathVariable long id,
            @RequestParam(name = "files", required = false) List<MultipartFile> files) {
        return workflow.addEvidence(id, files, actor);
    }

    @PostMapping(path = "/dispatch", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<TicketWorkflow.DispatchResult> dispatch(Actor actor, @RequestBody TicketWorkflow.BulkDispatch request) {
        return workflow.dispatchAll(request, actor);
    }

    /** Marks the listed tickets false positive with one reason; each ticket gets its own result. */
    @PostMapping(path = "/bulk/false-positive", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<TicketWorkflow.BulkResult> falsePositive(Actor actor, @RequestBody TicketWorkflow.BulkFalsePositive request) {
        return workflow.falsePositiveAll(request, actor);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> download(Actor actor, @PathVariable long id, @PathVariable long attachmentId)
            throws IOException {
        TicketWorkflow.EvidenceFile file = workflow.evidenceFile(id, attachmentId, actor);
        InputStream in = Files.newInputStream(file.path());
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.attachment().getOriginalName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(file.attachment().getContentType()))
                .contentLength(file.attachment().getSizeBytes())
                .body(new InputStreamResource(in));
    }
}
