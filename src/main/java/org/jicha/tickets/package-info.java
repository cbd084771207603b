/**
 * Inspection tickets (督办单): each finding opens one for the responsible team (the team of the rule's
 * team kind under the subject's station), due after the rule's rectify limit in China working days.
 * The fingerprint (rule, subject, period) is the ticket's natural key: reruns never duplicate a ticket.
 */
package org.jicha.tickets;
