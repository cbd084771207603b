package org.jicha.tickets;

import java.time.LocalDate;

/**
 * What a person sends with an action. {@code version} is the ticket version the client read (required: a
 * changed ticket is refused as stale); the other fields as the action needs them.
 *
 * @param comment      what was done (SUBMIT_FEEDBACK), or a remark
 * @param reason       why (REJECT_SCOPE, RETURN, EXEMPT)
 * @param reasonCode   MARK_FALSE_POSITIVE
 * @param teamUnitCode DISPATCH
 * @param exemptUntil  EXEMPT: a date after today
 */
public record TicketCommand(
        Long version,
        String comment,
        String reason,
        FalsePositiveReason reasonCode,
        String teamUnitCode,
        LocalDate exemptUntil) {}
