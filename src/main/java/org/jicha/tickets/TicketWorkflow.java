package org.jicha.tickets;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jicha.people.Actor;
import org.jicha.people.AuditTrail;
import org.jicha.records.UnitRecords;
import org.jicha.tickets.internal.EvidenceStore;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * People's actions on tickets. Each one: find the ticket in the actor's scope (else 404), compare the version
 * the client read (else stale), let the aggregate check role, scope and state and change itself, store the
 * evidence files, flush (a concurrent update caught by {@code @Version} is stale too) and write the audit
 * trail, all in one transaction.
 *
 * <p>Long because every people's action on a ticket is one short method here (load, act on the aggregate,
 * record in the trail).
 */
@Service
public class TicketWorkflow {

    private final TicketService tickets;
    private final TicketRepository repository;
    private final TicketAttachmentRepository attachments;
    private final EvidenceStore evidence;
    private final AuditTrail trail;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TicketProperties properties;
    private final TransactionTemplate eachTicket;
    private final UnitRecords units;

    public TicketWorkflow(
            TicketService tickets,
            TicketRepository repository,
            TicketAttachmentRepository attachments,
            EvidenceStore evidence,
            AuditTrail trail,
            JdbcTemplate jdbc,
            Clock clock,
            TicketProperties properties,
            PlatformTransactionManager transactions,
            UnitRecords units) {
        this.tickets = tickets;
        this.repository = repository;
        this.attachments = attachments;
        this.evidence = evidence;
        this.trail = trail;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.eachTicket = new TransactionTemplate(transactions);
        this.units = units;
    }

    /** The ticket with its history, files and the actions the actor may do now. */
    @Transactional(readOnly = true)
    public TicketDetails details(long id, Actor actor) {
        return detailsOf(tickets.find(id, actor), actor);
    }

    /**
     * Does an action (anything but the system's) with the command's fields; SUBMIT_FEEDBACK without files.
     *
     * @throws TicketNotFoundException           the actor cannot see the ticket
     * @throws StaleTicketException              the version is not the current one
     * @throws TicketActionForbiddenException    wrong role, or a team outside its scope
     * @throws IllegalTicketTransitionException  not in this state
     * @throws MissingTicketFieldException       a required field is missing
     */
    @Transactional
    public TicketDetails act(long id, TicketAction action, TicketCommand command, Actor actor) {
        return detailsOf(apply(id, action, command, List.of(), actor), actor);
    }

    /** SUBMIT_FEEDBACK with evidence files: all or nothing. */
    @Transactional
    public TicketDetails submitFeedback(long id, TicketCommand command, List<MultipartFile> files, Actor actor) {
        return detailsOf(apply(id, TicketAction.SUBMIT_FEEDBACK, command, files, actor), actor);
    }

    /**
     * More evidence files from the ticket's team while it may still report back (DISPATCHED, RETURNED).
     * Not a transition; recorded in the audit trail.
     */
    @Transactional
    public List<TicketAttachment> addEvidence(long id, List<MultipartFile> files, Actor actor) {
        InspectionTicket ticket = tickets.find(id, actor);
        TicketTransitions.check(TicketAction.SUBMIT_FEEDBACK, ticket, actor);
        if (files == null || files.isEmpty()) {
            throw new MissingTicketFieldException("files", "须上传至少一个文件", "at least one file is required");
        }
        List<TicketAttachment> added = storeEvidence(ticket, files, actor);
        trail.record(
                actor.username(),
                "TICKET_EVIDENCE_ADDED",
                "ticket:" + id,
                added.stream().map(TicketAttachment::getOriginalName).toList().toString());
        return added;
    }

    /** An evidence file for download, if the actor can see its ticket. */
    @Transactional(readOnly = true)
    public EvidenceFile evidenceFile(long id, long attachmentId, Actor actor) {
        tickets.find(id, actor);
        TicketAttachment a = attachments
                .findByIdAndTicketId(attachmentId, id)
                .orElseThrow(() -> new TicketNotFoundException(id, attachmentId));
        if (a.getRemovedAt() != null) {
            throw new EvidenceRemovedException(a);
        }
        return new EvidenceFile(a, evidence.resolve(a.getStoredName()));
    }

    /** An evidence file and where it lies. */
    public record EvidenceFile(TicketAttachment attachment, Path path) {}

    /**
     * Dispatches many tickets to one team, each in its own transaction: a refused ticket (not visible, stale,
     * wrong state) is reported in its result and does not hold back the others.
     */
    public List<DispatchResult> dispatchAll(BulkDispatch request, Actor actor) {
        if (request == null || request.tickets() == null || request.tickets().isEmpty()) {
            throw new MissingTicketFieldException("tickets", "须列出工单及其版本", "list the tickets with their versions");
        }
        return each(
                        request.tickets(),
                        TicketAction.DISPATCH,
                        ref -> new TicketCommand(
                                ref.version(), request.comment(), null, null, request.teamUnitCode(), null),
                        actor)
                .stream()
                .map(r -> new DispatchResult(
                        r.id(),
                        r.outcome() == BulkOutcome.DONE
                                ? DispatchOutcome.DISPATCHED
                                : DispatchOutcome.valueOf(r.outcome().name()),
                        r.status(),
                        r.version(),
                        r.message()))
                .toList();
    }

    /**
     * Marks many tickets false positive with one reason code and comment, each in its own transaction and with its
     * own result, as {@link #dispatchAll} does; each ticket's change is in the trail as for a single action, and the
     * whole (when any ticket was marked) as one {@code TICKETS_FALSE_POSITIVE} entry.
     */
    public List<BulkResult> falsePositiveAll(BulkFalsePositive request, Actor actor) {
        if (request == null || request.tickets() == null || request.tickets().isEmpty()) {
            throw new MissingTicketFieldException("tickets", "须列出工单及其版本", "list the tickets with their versions");
        }
        if (request.reasonCode() == null) {
            throw new MissingTicketFieldException(
                    "reasonCode", "须选择误报原因", "one of RULE_LOGIC, SOURCE_DATA, POLICY_EXCEPTION, DUPLICATE is required");
        }
        List<BulkResult> results = each(
                request.tickets(),
                TicketAction.MARK_FALSE_POSITIVE,
                ref -> new TicketCommand(ref.version(), request.comment(), null, request.reasonCode(), null, null),
                actor);
        List<Long> marked = results.stream()
                .filter(r -> r.outcome() == BulkOutcome.DONE)
                .map(BulkResult::id)
                .toList();
        List<String> refused = results.stream()
                .filter(r -> r.outcome() != BulkOutcome.DONE)
                .map(r -> r.id() + ":" + r.outcome())
                .toList();
        if (!marked.isEmpty()) {
            trail.record(
                    actor.username(),
                    "TICKETS_FALSE_POSITIVE",
                    "tickets",
                    request.reasonCode() + " "
                            + (request.comment() == null
                                    ? ""
                                    : request.comment().strip() + " ") + "marked " + marked.size()
                            + " " + marked + (refused.isEmpty() ? "" : ", refused " + refused));
        }
        return results;
    }

    /** Runs one action on each ticket in its own transaction, turning each refusal into that ticket's result. */
    private List<BulkResult> each(
            List<TicketRef> refs, TicketAction action, Function<TicketRef, TicketCommand> command, Actor actor) {
        List<BulkResult> results = new ArrayList<>();
        for (TicketRef ref : refs) {
            if (ref == null || ref.id() == null) {
                results.add(new BulkResult(null, BulkOutcome.INVALID, null, null, "id: 缺少工单号 / missing"));
                continue;
            }
            try {
                InspectionTicket done =
                        eachTicket.execute(status -> apply(ref.id(), action, command.apply(ref), List.of(), actor));
                results.add(new BulkResult(ref.id(), BulkOutcome.DONE, done.getStatus(), done.getVersion(), null));
            } catch (TicketNotFoundException e) {
                results.add(new BulkResult(ref.id(), BulkOutcome.NOT_FOUND, null, null, e.getMessage()));
            } catch (TicketActionForbiddenException e) {
                results.add(new BulkResult(ref.id(), BulkOutcome.FORBIDDEN, null, null, e.getMessage()));
            } catch (StaleTicketException e) {
                results.add(new BulkResult(ref.id(), BulkOutcome.STALE, null, e.currentVersion(), e.getMessage()));
            } catch (IllegalTicketTransitionException e) {
                results.add(new BulkResult(ref.id(), BulkOutcome.ILLEGAL_STATE, e.status(), null, e.getMessage()));
            } catch (IllegalArgumentException e) {
                results.add(new BulkResult(ref.id(), BulkOutcome.INVALID, null, null, e.getMessage()));
            }
        }
        return results;
    }

    /** A bulk dispatch: the team, an optional comment, and each ticket with the version the client read. */
    public record BulkDispatch(String teamUnitCode, String comment, List<TicketRef> tickets) {}

    /** A bulk false positive: one reason code and comment for every ticket, each with the version the client read. */
    public record BulkFalsePositive(FalsePositiveReason reasonCode, String comment, List<TicketRef> tickets) {}

    /** A ticket as a client read it: its id and the version it was read at. */
    public record TicketRef(Long id, Long version) {

        /**
         * A ticket as a form names it, {@code id:version} (or just {@code id}); one that cannot be read is kept as
         * an invalid reference (both null), which a bulk action reports as INVALID.
         */
        public static TicketRef parse(String idAndVersion) {
            String[] parts = idAndVersion.split(":");
            try {
                return new TicketRef(Long.valueOf(parts[0]), parts.length > 1 ? Long.valueOf(parts[1]) : null);
            } catch (NumberFormatException e) {
                return new TicketRef(null, null);
            }
        }
    }

    public enum DispatchOutcome {
        DISPATCHED,
        NOT_FOUND,
        FORBIDDEN,
        STALE,
        ILLEGAL_STATE,
        INVALID
    }

    /**
     * The result for one ticket of a bulk dispatch.
     *
     * @param status  the new state when dispatched, the current one when its state refused it
     * @param version the new version when dispatched, the current one when stale
     */
    public record DispatchResult(Long id, DispatchOutcome outcome, TicketStatus status, Long version, String message) {}

    /** How one ticket of a bulk action went: DONE, or why it was refused (as for a bulk dispatch). */
    public enum BulkOutcome {
        DONE,
        NOT_FOUND,
        FORBIDDEN,
        STALE,
        ILLEGAL_STATE,
        INVALID
    }

    /**
     * The result for one ticket of a bulk action.
     *
     * @param status  the new state when done, the current one when its state refused it
     * @param version the new version when done, the current one when stale
     */
    public record BulkResult(Long id, BulkOutcome outcome, TicketStatus status, Long version, String message) {}

    private InspectionTicket apply(
            long id, TicketAction action, TicketCommand command, List<MultipartFile> files, Actor actor) {
        InspectionTicket ticket = tickets.find(id, actor);
        if (command == null || command.version() == null) {
            throw new MissingTicketFieldException(
                    "version", "须提供读取时的工单版本", "the version of the ticket you read is required");
        }
        TicketTransitions.checkActor(action, ticket, actor);
        if (action.isRunLevel()) {
            throw new IllegalArgumentException("“" + action.zh() + "”按稽查运行整体执行，不能对单张工单执行 / " + action.en()
                    + " is done on a run's tickets at once: POST /api/runs/{id}/withdraw, "
                    + "/api/runs/{id}/held/{rule}/confirm or /withdraw");
        }
        if (command.version() != ticket.getVersion()) {
            throw new StaleTicketException(id, ticket.getVersion());
        }
        TicketTransitions.check(action, ticket, actor);
        TicketStatus from = ticket.getStatus();
        LocalDateTime now = LocalDateTime.now(clock.withZone(properties.zone()));
        switch (action) {
            case DISPATCH -> {
                String team = command.teamUnitCode() == null
                        ? null
                        : command.teamUnitCode().strip();
                if (team == null || team.isEmpty()) {
                    throw new MissingTicketFieldException("teamUnitCode", "须指定班组", "a team unit is required");
                }
                if (!units.isTeam(team)) {
                    throw new MissingTicketFieldException(
                            "teamUnitCode", "班组 " + team + " 不存在", "no TEAM unit " + team);
                }
                ticket.dispatch(actor, team, command.comment(), now);
            }
            case SUBMIT_FEEDBACK -> ticket.submitFeedback(actor, command.comment(), now);
            case REJECT_SCOPE -> ticket.rejectScope(actor, command.reason(), now);
            case VERIFY -> ticket.verify(actor, command.comment(), now);
            case RETURN -> ticket.returnFeedback(actor, command.reason(), now);
            case CLOSE -> ticket.close(actor, command.comment(), now);
            case MARK_FALSE_POSITIVE -> ticket.markFalsePositive(actor, command.reasonCode(), command.comment(), now);
            case EXEMPT ->
                ticket.exempt(
                        actor,
                        command.exemptUntil(),
                        command.reason(),
                        LocalDate.now(clock.withZone(properties.zone())),
                        now);
            default -> throw new IllegalStateException("unhandled action " + action);
        }
        if (files != null && !files.isEmpty()) {
            storeEvidence(ticket, files, actor);
        }
        try {
            repository.flush();
        } catch (OptimisticLockingFailureException e) {
            throw new StaleTicketException(id, currentVersion(id));
        }
        TicketTransition last = ticket.history().get(ticket.history().size() - 1);
        String why = last.getComment() == null ? "" : " " + last.getComment();
        trail.record(
                actor.username(),
                "TICKET_" + action,
                "ticket:" + id,
                from + " -> " + ticket.getStatus()
                        + (last.getReasonCode() == null ? "" : " " + last.getReasonCode())
                        + (last.getTeamUnitCode() == null ? "" : " @" + last.getTeamUnitCode())
                        + (last.getExemptUntil() == null ? "" : " until " + last.getExemptUntil()) + why);
        return ticket;
    }

    private List<TicketAttachment> storeEvidence(InspectionTicket ticket, List<MultipartFile> files, Actor actor) {
        List<EvidenceStore.StoredFile> stored = evidence.store(files, attachments.countByTicketId(ticket.getId()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    evidence.delete(stored);
                }
            }
        });
        LocalDateTime now = LocalDateTime.now(clock.withZone(properties.zone()));
        return attachments.saveAll(stored.stream()
                .map(f -> new TicketAttachment(
                        ticket.getId(),
                        f.storedName(),
                        f.originalName(),
                        f.type().mediaType(),
                        f.size(),
                        f.sha256(),
                        actor.username(),
                        now))
                .toList());
    }

    private Long currentVersion(long id) {
        List<Long> v = jdbc.queryForList("SELECT version FROM inspection_tickets WHERE id = ?", Long.class, id);
        return v.isEmpty() ? null : v.get(0);
    }

    private TicketDetails detailsOf(InspectionTicket ticket, Actor actor) {
        return new TicketDetails(
                ticket,
                List.copyOf(ticket.history()),
                attachments.findByTicketIdOrderById(ticket.getId()),
                TicketTransitions.allowed(ticket, actor));
    }
}
