package org.jicha.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An inspection ticket (督办单): what is wrong (the finding's evidence), why and how to fix it (the
 * rule's remedy), for whom (the responsible team) and by when. Tickets are opened and refreshed in bulk
 * by {@link TicketService} as runs report findings; the rectification workflow changes state here.
 */
@Entity
@Table(name = "inspection_tickets")
public class InspectionTicket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String fingerprint;

    @Column(name = "rule_code", nullable = false)
    private String ruleCode;

    @Column(nullable = false)
    private String theme;

    @Column(nullable = false)
    private String severity;

    @Column(nullable = false)
    private String title;

    @Column(name = "subject_type", nullable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false)
    private String subjectId;

    @Column(name = "customer_no")
    private String customerNo;

    private String period;

    @Column(name = "station_code")
    private String stationCode;

    @Column(name = "team_kind", nullable = false)
    private String teamKind;

    @Column(name = "team_unit_code")
    private String teamUnitCode;

    @Column(nullable = false, length = 2000)
    private String message;

    @Column(length = 2000)
    private String remedy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TicketStatus status;

    @Column(name = "opened_at", nullable = false)
    private LocalDateTime openedAt;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "first_run_id", nullable = false)
    private long firstRunId;

    @Column(name = "last_seen_run_id", nullable = false)
    private long lastSeenRunId;

    @Column(name = "not_detected_since_run_id")
    private Long notDetectedSinceRunId;

    @Column(nullable = false)
    private int occurrences;

    @Version
    private long version;

    protected InspectionTicket() {
    }

    public Long getId() {
        return id;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getRuleCode() {
        return ruleCode;
    }

    public String getTheme() {
        return theme;
    }

    public String getSeverity() {
        return severity;
    }

    public String getTitle() {
        return title;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectId() {
        return subjectId;
    }

    public String getCustomerNo() {
        return customerNo;
    }

    public String getPeriod() {
        return period;
    }

    public String getStationCode() {
        return stationCode;
    }

    public String getTeamKind() {
        return teamKind;
    }

    public String getTeamUnitCode() {
        return teamUnitCode;
    }

    public String getMessage() {
        return message;
    }

    public String getRemedy() {
        return remedy;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public LocalDateTime getOpenedAt() {
        return openedAt;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public long getFirstRunId() {
        return firstRunId;
    }

    public long getLastSeenRunId() {
        return lastSeenRunId;
    }

    public Long getNotDetectedSinceRunId() {
        return notDetectedSinceRunId;
    }

    public int getOccurrences() {
        return occurrences;
    }

    public long getVersion() {
        return version;
    }
}
