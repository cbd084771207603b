package org.jicha.audit;

import java.util.List;
import org.jicha.tickets.RunTickets;

/** A run's withdrawal: the run as it is now, and what happened to the tickets it opened. */
public record RunWithdrawal(
        RunView run, List<Long> newlyWithdrawn, List<Long> withdrawnTickets, List<RunTickets.KeptTicket> keptTickets) {}
