package org.jicha.notify;

/** A ticket listed in a mail, with how many working days it is overdue. */
record EscalatedTicket(OverdueTicket ticket, int workingDaysOverdue) {}
