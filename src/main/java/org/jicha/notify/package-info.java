/**
 * Notices by e-mail (邮件通知): the mail outbox and its dispatcher, the nightly overdue check that escalates
 * past-due tickets to the team leader and then the supervisor, the daily digest per team user, and the mail to
 * the auditors about a run held because its data has not arrived.
 *
 * <p>Every mail goes through {@link org.jicha.notify.Outbox} first, in the transaction that decided to send
 * it; {@link org.jicha.notify.OutboxDispatcher} sends due mails through Spring's {@code JavaMailSender},
 * retries with back-off and never sends one twice. Tickets are read from table {@code inspection_tickets}
 * by JDBC (the table is the contract); this package only writes the ticket's escalation columns.
 */
package org.jicha.notify;
