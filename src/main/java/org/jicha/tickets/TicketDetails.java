package org.jicha.tickets;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * A ticket with its history, its evidence files and the actions the reader may do now (the UI offers only
 * those).
 */
public record TicketDetails(
        @JsonUnwrapped InspectionTicket ticket,
        List<TicketTransition> transitions,
        List<TicketAttachment> attachments,
        List<TicketAction> allowedActions) {}
