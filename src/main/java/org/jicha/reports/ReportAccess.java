package org.jicha.reports;

import java.util.Map;
import org.jicha.people.Actor;
import org.jicha.people.Role;
import org.jicha.people.UnitTree;
import org.springframework.stereotype.Component;

/**
 * Who may read which report. Deviation reports: AUDITOR, SUPERVISOR, ADMIN, within their unit when they are
 * bound to one. Feedback reports: the same, and a TEAM user for the teams of its own unit's subtree.
 */
@Component
class ReportAccess {

    private final UnitTree tree;

    ReportAccess(UnitTree tree) {
        this.tree = tree;
    }

    /**
     * The scope of a deviation report asked for by an actor; an actor bound to a unit gets that unit by default.
     *
     * @throws ReportForbiddenException for a TEAM user or a unit outside the actor's scope
     * @throws ReportParameterException for an unknown unit
     */
    ReportScope deviationScope(Actor actor, String unit, Map<String, UnitDirectory.Unit> units) {
        if (!actor.isSystem() && !(actor.is(Role.AUDITOR) || actor.is(Role.SUPERVISOR) || actor.is(Role.ADMIN))) {
            throw new ReportForbiddenException(
                    "稽查报告仅供稽查人员、管理人员和系统管理员查看", "deviation reports are for auditors, supervisors and administrators");
        }
        String asked = unit == null || unit.isBlank() ? actor.unitCode() : unit.trim();
        if (asked == null) {
            return ReportScope.company();
        }
        if (!units.containsKey(asked)) {
            throw new ReportParameterException("unit", "单位 " + asked + " 不存在", "no unit " + asked);
        }
        if (!actor.seesEverything() && !actor.visibleUnits().contains(asked)) {
            throw new ReportForbiddenException(
                    "单位 " + asked + " 不在您的权限范围内", "unit " + asked + " is outside your scope");
        }
        return new ReportScope(asked, tree.subtree(asked), null);
    }

    /**
     * Checks that the actor may read a team's feedback report and returns the team.
     *
     * @throws ReportParameterException for a missing or unknown team, or a unit that is not a team
     * @throws ReportForbiddenException for a team outside the actor's scope
     */
    UnitDirectory.Unit feedbackTeam(Actor actor, String team, Map<String, UnitDirectory.Unit> units) {
        if (team == null || team.isBlank()) {
            throw new ReportParameterException("team", "缺少班组代码", "missing team unit code");
        }
        UnitDirectory.Unit unit = units.get(team.trim());
        if (unit == null) {
            throw new ReportParameterException("team", "班组 " + team + " 不存在", "no unit " + team);
        }
        if (!"TEAM".equals(unit.type())) {
            throw new ReportParameterException(
                    "team", team + " 不是班组（" + unit.type() + "）", team + " is not a TEAM unit but " + unit.type());
        }
        if (actor.isSystem()) {
            return unit;
        }
        if (!(actor.is(Role.TEAM) || actor.is(Role.AUDITOR) || actor.is(Role.SUPERVISOR) || actor.is(Role.ADMIN))) {
            throw new ReportForbiddenException("无权查看信息反馈", "not allowed to read feedback reports");
        }
        if (!actor.seesEverything() && !actor.visibleUnits().contains(unit.code())) {
            throw new ReportForbiddenException(
                    "班组 " + unit.code() + " 不在您的权限范围内", "team " + unit.code() + " is outside your scope");
        }
        return unit;
    }
}
