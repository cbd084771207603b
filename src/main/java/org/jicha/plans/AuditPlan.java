package org.jicha.plans;

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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jicha.audit.RunScope;
import org.jicha.rules.Theme;

/**
 * An audit plan (稽查计划). Its state changes only through its own methods, each given a definition that
 * {@link PlanValidator} has checked.
 */
@Entity
@Table(name = "audit_plans")
public class AuditPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 2000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PlanKind kind;

    @Column(nullable = false, length = 120)
    private String cron;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    /** Comma-separated theme names; empty = none named. */
    @Column(length = 200)
    private String themes;

    @Column(name = "rule_codes", length = 2000)
    private String ruleCodes;

    @Column(name = "unit_codes", length = 2000)
    private String unitCodes;

    @Column(name = "target_rectification_pct")
    private Integer targetRectificationPct;

    @Column(name = "target_text", length = 2000)
    private String target;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Version
    private long version;

    protected AuditPlan() {}

    static AuditPlan create(PlanDefinition definition, LocalDateTime now) {
        AuditPlan plan = new AuditPlan();
        plan.createdAt = now;
        plan.apply(definition, now);
        return plan;
    }

    void update(PlanDefinition definition, LocalDateTime now) {
        apply(definition, now);
    }

    void enable(LocalDateTime now) {
        if (enabled) {
            throw new PlanStateException("稽查计划 " + id + " 已启用 / plan " + id + " is already enabled");
        }
        enabled = true;
        updatedAt = now;
    }

    void disable(LocalDateTime now) {
        if (!enabled) {
            throw new PlanStateException("稽查计划 " + id + " 已停用 / plan " + id + " is already disabled");
        }
        enabled = false;
        updatedAt = now;
    }

    private void apply(PlanDefinition d, LocalDateTime now) {
        name = d.name().strip();
        description = d.description();
        kind = d.kind();
        cron = d.cron().strip();
        startsOn = kind == PlanKind.SPECIAL ? d.startsOn() : null;
        endsOn = kind == PlanKind.SPECIAL ? d.endsOn() : null;
        themes = join(d.themes());
        ruleCodes = join(d.ruleCodes());
        unitCodes = join(d.unitCodes());
        targetRectificationPct = d.targetRectificationPct();
        target = d.target();
        enabled = d.enabled() == null || d.enabled();
        updatedAt = now;
    }

    /** What a run of this plan covers. */
    public RunScope scope() {
        return new RunScope(
                themeList().stream().map(Theme::valueOf).collect(Collectors.toSet()),
                Set.copyOf(ruleCodeList()),
                Set.copyOf(unitCodeList()));
    }

    private static String join(List<String> values) {
        List<String> clean = values.stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .distinct()
                .toList();
        return clean.isEmpty() ? null : String.join(",", clean);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public PlanKind getKind() {
        return kind;
    }

    public String getCron() {
        return cron;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public List<String> themeList() {
        return split(themes);
    }

    public List<String> ruleCodeList() {
        return split(ruleCodes);
    }

    public List<String> unitCodeList() {
        return split(unitCodes);
    }

    public Integer getTargetRectificationPct() {
        return targetRectificationPct;
    }

    public String getTarget() {
        return target;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
