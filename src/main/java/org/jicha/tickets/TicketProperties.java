package org.jicha.tickets;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Ticket workflow settings ({@code jicha.tickets.*}).
 *
 * @param zone     the utility's time zone: "today" for exemption expiries, "now" for transitions
 * @param evidence limits of the evidence files teams upload with their feedback
 */
@ConfigurationProperties("jicha.tickets")
public record TicketProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue Evidence evidence) {

    /**
     * @param dir            the folder the files are stored in, under generated names
     * @param maxFileSize    the largest file accepted
     * @param maxFiles       the most files one ticket may hold
     * @param allowedTypes   the accepted kinds, recognised by their first bytes
     * @param keepAfterClose opt-in retention: the files of a ticket CLOSED longer ago than this are removed by the
     *                       nightly housekeeping (their records, with SHA-256, stay); 0, the default, keeps them
     *                       for ever, since auditors may ask for them years later
     */
    public record Evidence(
            @DefaultValue("./evidence") Path dir,
            @DefaultValue("10MB") DataSize maxFileSize,
            @DefaultValue("20") int maxFiles,
            @DefaultValue({"JPEG", "PNG", "PDF"}) Set<EvidenceType> allowedTypes,
            @DefaultValue("0d") Duration keepAfterClose) {}
}
