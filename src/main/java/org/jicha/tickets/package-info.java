/**
 * Inspection tickets (督办单) and their closed loop (督办闭环): each finding opens one for the responsible team
 * (the team of the rule's team kind under the subject's station), due after the rule's rectify limit in China
 * working days. The fingerprint (rule, subject, period) is the ticket's natural key: reruns never duplicate a
 * ticket. {@link org.jicha.tickets.TicketTransitions} says who may do which action in which state;
 * {@link org.jicha.tickets.InspectionTicket} changes state only through its action methods;
 * {@link org.jicha.tickets.TicketWorkflow} runs people's actions, {@link org.jicha.tickets.TicketService} the
 * re-audit's, in bulk. A run's new tickets open at its end through the brake ({@code TicketBrake}), which
 * holds a flood of one rule's tickets for the auditors; {@link org.jicha.tickets.RunTickets} confirms or
 * withdraws them, or withdraws what a run opened. Evidence files live in {@code internal}.
 */
package org.jicha.tickets;
