package org.jicha.tickets;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface TicketRepository
        extends JpaRepository<InspectionTicket, Long>, JpaSpecificationExecutor<InspectionTicket> {

    Optional<InspectionTicket> findByFingerprint(String fingerprint);

    long countByStatus(TicketStatus status);
}
