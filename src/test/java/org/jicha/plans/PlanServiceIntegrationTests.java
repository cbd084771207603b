package org.jicha.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.jicha.audit.StoredWorld;
import org.jicha.schedule.QuartzFiring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Plans at the service level: validation, the Quartz trigger kept in step, runs of a plan and its figures. */
@SpringBootTest(
        properties = {"spring.datasource.url=jdbc:h2:mem:plans;DB_CLOSE_DELAY=-1", "spring.quartz.auto-startup=false"})
class PlanServiceIntegrationTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    PlanService plans;

    @Autowired
    Scheduler scheduler;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void world() throws Exception {
        jdbc.update("DELETE FROM audit_plans");
        scheduler.unscheduleJobs(List.copyOf(scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals("plans"))));
        StoredWorld.reset(jdbc)
                .customer("C001")
                .meter("M001", "C001", LocalDate.of(2030, 1, 1))
                .reading("M001", "2026-09", 1000, 1100)
                .customer("C002")
                .meter("M002", "C002", LocalDate.of(2026, 6, 30))
                .reading("M002", "2026-09", 500, 600)
                .reading("M002", "2026-10", 600, 700)
                .customer("C003")
                .meter("M003", "C003", LocalDate.of(2026, 5, 31))
                .reading("M003", "2026-09", 500, 600)
                .reading("M003", "2026-10", 600, 700);
    }

    static PlanDefinition monthlyMetering() {
        return new PlanDefinition(
                "城关所计量月度稽查",
                "每月 1 日 03:00 稽查计量",
                PlanKind.ROUTINE,
                "0 0 3 1 * ?",
                null,
                null,
                List.of("MET"),
                List.of(),
                List.of("ST01"),
                90,
                "计量问题当月整改",
                null);
    }

    @Test
    void anEnabledPlanIsOneCronTriggerOfTheDurableRecoverablePlanJobCarryingItsId() throws Exception {
        PlanView plan = plans.create(monthlyMetering(), "auditor");

        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(PlanSchedule.triggerKey(plan.id()));
        assertThat(trigger.getKey().getGroup()).isEqualTo("plans");
        assertThat(trigger.getCronExpression()).isEqualTo("0 0 3 1 * ?");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("Asia/Shanghai");
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(trigger.getJobDataMap().getLong("planId")).isEqualTo(plan.id());
        assertThat(plan.nextFireTime()).isEqualTo(trigger.getNextFireTime().toInstant());
        ZonedDateTime next = plan.nextFireTime().atZone(SHANGHAI);
        assertThat(next.getDayOfMonth()).isEqualTo(1);
        assertThat(next.getHour()).isEqualTo(3);
        JobDetail job = scheduler.getJobDetail(trigger.getJobKey());
        assertThat(job.getJobClass()).isEqualTo(PlanAuditJob.class);
        assertThat(job.isDurable()).isTrue();
        assertThat(job.requestsRecovery()).isTrue();
        assertThat(plan.themes()).containsExactly("MET");
        assertThat(plan.enabled()).isTrue();
    }

    @Test
    void changingDisablingEnablingAndDeletingAPlanKeepItsTriggerInStep() throws Exception {
        PlanView plan = plans.create(monthlyMetering(), "auditor");

        PlanDefinition quarterly = new PlanDefinition(
                "城关所计量季度稽查",
                null,
                PlanKind.ROUTINE,
                "0 0 3 1 1,4,7,10 ?",
                null,
                null,
                List.of("MET"),
                List.of(),
                List.of(),
                null,
                null,
                null);
        plans.update(plan.id(), quarterly, "auditor");
        assertThat(((CronTrigger) scheduler.getTrigger(PlanSchedule.triggerKey(plan.id()))).getCronExpression())
                .isEqualTo("0 0 3 1 1,4,7,10 ?");

        PlanView disabled = plans.disable(plan.id(), "auditor");
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.nextFireTime()).isNull();
        assertThat(scheduler.checkExists(PlanSchedule.triggerKey(plan.id()))).isFalse();
        assertThatThrownBy(() -> plans.disable(plan.id(), "auditor"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("已停用");

        assertThat(plans.enable(plan.id(), "auditor").nextFireTime()).isNotNull();
        assertThat(scheduler.checkExists(PlanSchedule.triggerKey(plan.id()))).isTrue();

        plans.delete(plan.id(), "auditor");
        assertThat(scheduler.checkExists(PlanSchedule.triggerKey(plan.id()))).isFalse();
        assertThatThrownBy(() -> plans.get(plan.id())).isInstanceOf(PlanNotFoundException.class);
    }

    @Test
    void aSpecialAuditFiresOnlyWithinItsDateRange() throws Exception {
        PlanView plan = plans.create(
                new PlanDefinition(
                        "2099 年春节电费专项稽查",
                        null,
                        PlanKind.SPECIAL,
                        "0 0 4 * * ?",
                        LocalDate.of(2099, 1, 10),
                        LocalDate.of(2099, 1, 20),
                        List.of(),
                        List.of("BIL-01"),
                        List.of(),
                        null,
                        "春节前查清漏抄",
                        null),
                "auditor");

        Trigger trigger = scheduler.getTrigger(PlanSchedule.triggerKey(plan.id()));
        assertThat(trigger.getStartTime().toInstant())
                .isEqualTo(LocalDate.of(2099, 1, 10).atStartOfDay(SHANGHAI).toInstant());
        assertThat(trigger.getEndTime().toInstant())
                .isEqualTo(LocalDate.of(2099, 1, 21).atStartOfDay(SHANGHAI).toInstant());
        assertThat(plan.nextFireTime())
                .isEqualTo(
                        LocalDate.of(2099, 1, 10).atTime(4, 0).atZone(SHANGHAI).toInstant());
        assertThat(plan.startsOn()).isEqualTo(LocalDate.of(2099, 1, 10));

        PlanView over = plans.create(
                new PlanDefinition(
                        "已结束的专项稽查",
                        null,
                        PlanKind.SPECIAL,
                        "0 0 4 * * ?",
                        LocalDate.of(2020, 1, 1),
                        LocalDate.of(2020, 1, 31),
                        List.of(),
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null),
                "auditor");
        assertThat(over.nextFireTime()).isNull();
        assertThat(scheduler.checkExists(PlanSchedule.triggerKey(over.id()))).isFalse();
    }

    @Test
    void anInvalidDefinitionIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        assertInvalid(with("cron", "0 0 3 32 * ?"), "cron");
        assertInvalid(with("cron", "每月一号"), "cron");
        assertInvalid(
                new PlanDefinition(
                        "专项",
                        null,
                        PlanKind.SPECIAL,
                        "0 0 4 * * ?",
                        LocalDate.of(2026, 12, 31),
                        LocalDate.of(2026, 12, 1),
                        List.of(),
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null),
                "endsOn");
        assertInvalid(
                new PlanDefinition(
                        "专项",
                        null,
                        PlanKind.SPECIAL,
                        "0 0 4 * * ?",
                        null,
                        LocalDate.of(2026, 12, 1),
                        List.of(),
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null),
                "startsOn");
        assertInvalid(with("ruleCodes", "BIL-99"), "ruleCodes");
        assertInvalid(with("themes", "XYZ"), "themes");
        assertInvalid(with("unitCodes", "NOWHERE"), "unitCodes");
        assertInvalid(with("name", " "), "name");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_plans", Long.class))
                .isZero();
        assertThat(scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals("plans")))
                .isEmpty();
    }

    @Test
    void aPlanRunCoversItsScopeAndItsFiguresCountRunsFindingsTicketsAndTheRectificationRate() {
        PlanView plan = plans.create(monthlyMetering(), "auditor");
        // the plan runs as of 2026-11-05: ST01's extract of 2026-10 has arrived (else a scheduled run is held)
        new StoredWorld(jdbc)
                .reading("M001", "2026-10", 1100, 1200)
                .bill("C001", "2026-10", 100)
                .bill("C002", "2026-10", 100)
                .bill("C003", "2026-10", 100);
        plans.runScheduled(plan.id(), new QuartzFiring(Instant.parse("2026-11-04T19:00:00Z"), false));

        List<String> runs = jdbc.queryForList(
                "SELECT trigger_kind || ' ' || plan_id || ' ' || as_of || ' ' || status " + "FROM audit_runs",
                String.class);
        assertThat(runs).containsExactly("PLAN " + plan.id() + " 2026-11-05 COMPLETED");
        assertThat(jdbc.queryForList("SELECT DISTINCT rule_code FROM findings", String.class))
                .containsExactly("MET-06");

        jdbc.update("UPDATE inspection_tickets SET status = 'VERIFIED' WHERE subject_id = 'M002'");
        PlanFigures figures = plans.get(plan.id()).figures();
        assertThat(figures.runs()).isEqualTo(1);
        assertThat(figures.findings()).isEqualTo(2);
        assertThat(figures.tickets()).isEqualTo(2);
        assertThat(figures.rectified()).isEqualTo(1);
        assertThat(figures.rectificationRatePct()).isEqualTo(50.0);
        assertThat(figures.targetMet()).isFalse();
        assertThat(figures.lastRun().status()).isEqualTo("COMPLETED");

        jdbc.update("UPDATE inspection_tickets SET status = 'FALSE_POSITIVE' WHERE subject_id = 'M003'");
        PlanFigures judged = plans.get(plan.id()).figures();
        assertThat(judged.rectificationRatePct()).isEqualTo(100.0);
        assertThat(judged.falsePositive()).isEqualTo(1);
        assertThat(judged.targetMet()).isTrue();
    }

    private void assertInvalid(PlanDefinition definition, String field) {
        assertThatThrownBy(() -> plans.create(definition, "auditor"))
                .isInstanceOfSatisfying(InvalidPlanException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(" / ");
                });
    }

    private static PlanDefinition with(String field, String value) {
        PlanDefinition d = monthlyMetering();
        return new PlanDefinition(
                field.equals("name") ? value : d.name(),
                d.description(),
                d.kind(),
                field.equals("cron") ? value : d.cron(),
                null,
                null,
                field.equals("themes") ? List.of(value) : d.themes(),
                field.equals("ruleCodes") ? List.of(value) : d.ruleCodes(),
                field.equals("unitCodes") ? List.of(value) : d.unitCodes(),
                d.targetRectificationPct(),
                d.target(),
                null);
    }
}
