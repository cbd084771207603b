package org.jicha.plans;

import java.text.ParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jicha.records.UnitRecords;
import org.jicha.rules.ActiveRuleSet;
import org.jicha.rules.RuleMeta;
import org.jicha.rules.Theme;
import org.quartz.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Checks a plan definition before it is saved; the first fault found is thrown as an
 * {@link InvalidPlanException} naming the field: a cron Quartz cannot read, a special audit without its date
 * range or ending before it starts, a theme, rule or unit that does not exist, a target outside 0-100 %.
 */
@Component
class PlanValidator {

    private final ActiveRuleSet rules;
    private final UnitRecords unitRecords;

    PlanValidator(ActiveRuleSet rules, UnitRecords unitRecords) {
        this.rules = rules;
        this.unitRecords = unitRecords;
    }

    void check(PlanDefinition d) {
        if (d.name() == null || d.name().isBlank()) {
            throw new InvalidPlanException("name", "计划名称不能为空 / name: the plan needs a name");
        }
        if (d.name().strip().length() > 200) {
            throw new InvalidPlanException("name", "计划名称最多 200 字 / name: at most 200 characters");
        }
        if (d.kind() == null) {
            throw new InvalidPlanException("kind", "计划类型须为 ROUTINE 或 SPECIAL / kind: ROUTINE or SPECIAL is required");
        }
        checkCron(d.cron());
        if (d.kind() == PlanKind.SPECIAL) {
            if (d.startsOn() == null) {
                throw new InvalidPlanException("startsOn", "专项稽查须有开始日期 / startsOn: a special audit needs a start date");
            }
            if (d.endsOn() == null) {
                throw new InvalidPlanException("endsOn", "专项稽查须有结束日期 / endsOn: a special audit needs an end date");
            }
            if (d.endsOn().isBefore(d.startsOn())) {
                throw new InvalidPlanException(
                        "endsOn",
                        "结束日期 " + d.endsOn() + " 早于开始日期 " + d.startsOn() + " / endsOn: " + d.endsOn()
                                + " is before startsOn " + d.startsOn());
            }
        } else if (d.startsOn() != null || d.endsOn() != null) {
            throw new InvalidPlanException(
                    d.startsOn() != null ? "startsOn" : "endsOn",
                    "例行计划没有日期范围（仅专项稽查有） / a ROUTINE plan has no date range (only SPECIAL has one)");
        }
        Set<String> themeNames =
                new HashSet<>(Arrays.stream(Theme.values()).map(Theme::name).toList());
        List<String> badThemes =
                d.themes().stream().filter(t -> !themeNames.contains(t.strip())).toList();
        if (!badThemes.isEmpty()) {
            throw new InvalidPlanException(
                    "themes",
                    "未知的稽查主题 " + badThemes + "，可用 "
                            + themeNames.stream().sorted().toList() + " / themes: unknown " + badThemes);
        }
        Set<String> codes = new HashSet<>(
                rules.current().rules().stream().map(RuleMeta::code).toList());
        List<String> badRules =
                d.ruleCodes().stream().filter(c -> !codes.contains(c.strip())).toList();
        if (!badRules.isEmpty()) {
            throw new InvalidPlanException(
                    "ruleCodes",
                    "现行规则集中没有规则 " + badRules + " / ruleCodes: no rule " + badRules + " in the rule set in force");
        }
        if (!d.unitCodes().isEmpty()) {
            List<String> units = d.unitCodes().stream().map(String::strip).toList();
            Set<String> known = unitRecords.loaded(units);
            List<String> badUnits =
                    units.stream().filter(u -> !known.contains(u)).toList();
            if (!badUnits.isEmpty()) {
                throw new InvalidPlanException(
                        "unitCodes",
                        "单位表中没有单位 " + badUnits + " / unitCodes: no unit " + badUnits + " in the stored units");
            }
        }
        Integer target = d.targetRectificationPct();
        if (target != null && (target < 0 || target > 100)) {
            throw new InvalidPlanException(
                    "targetRectificationPct",
                    "目标整改率须在 0-100 之间 / targetRectificationPct: " + target + " is not within 0-100");
        }
    }

    private static void checkCron(String cron) {
        if (cron == null || cron.isBlank()) {
            throw new InvalidPlanException(
                    "cron",
                    "须给出 Quartz cron 表达式，如每月 1 日 03:00 为 \"0 0 3 1 * ?\" / cron: "
                            + "a Quartz cron expression is required, e.g. \"0 0 3 1 * ?\" for 03:00 on the 1st of each month");
        }
        try {
            new CronExpression(cron.strip());
        } catch (ParseException e) {
            throw new InvalidPlanException(
                    "cron",
                    "cron 表达式 \"" + cron + "\" 无效：" + e.getMessage() + " / cron: \"" + cron
                            + "\" is not a valid Quartz cron expression: " + e.getMessage());
        }
    }
}
