package org.jicha.tickets;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TicketAttachmentRepository extends JpaRepository<TicketAttachment, Long> {

    List<TicketAttachment> findByTicketIdOrderById(long ticketId);

    Optional<TicketAttachment> findByIdAndTicketId(long id, long ticketId);

    long countByTicketId(long ticketId);
}
