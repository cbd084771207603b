package org.jicha.reports;

import java.util.List;
import java.util.Set;

/**
 * The utility's ratios and their definitions (口径), as printed with every report. The counting itself is in
 * {@link RatioQueries}; docs/REPORTS.md explains each with examples.
 */
public enum RatioKind {

    READING_ERROR("抄表差错率", "Meter-reading error rate",
            "抄表差错率 = 本期有抄表类问题（责任班组为抄表班的规则）的表计数 / 本期应抄表计数；应抄表计 = 本期有抄表记录的表计"
                    + "（实抄、远抄、估抄、未抄 MISSED）加上稽查发现本期无抄表记录的表计（BIL-01）。"
                    + " / meters with a finding of a READING-team rule / meters due for reading in the period (a reading "
                    + "record of any type, MISSED included, or found unread by BIL-01)"),
    TARIFF_CORRECT("电价执行正确率", "Tariff execution accuracy",
            "电价执行正确率 = 1 − 本期有核算类问题（责任班组为核算班的规则）的电费数 / 本期电费数；问题落在电费上"
                    + "（BILL），或落在该户本期的其他对象上（抄表记录、用户）。"
                    + " / 1 − bills of the period with a finding of a BILLING-team rule (on the bill, or on the "
                    + "customer's reading or account for that period) / bills of the period"),
    EXPANSION_ON_TIME("业扩时限达标率", "Expansion time-limit compliance",
            "业扩时限达标率 = 本期归档且无时限类问题的业扩工单数 / 本期归档（archived_at 在本月内）的工单数；时限类规则："
                    + "EXP-01..EXP-07、EXP-10。"
                    + " / applications archived within the period with no finding of a time-limit rule "
                    + "(EXP-01..07, EXP-10) / applications archived within the period"),
    RECTIFIED("整改率", "Rectification rate",
            "整改率 = 已整改（VERIFIED 已验证或 CLOSED 已关闭）的工单数 / 本期问题的工单数（不含 FALSE_POSITIVE 误报、"
                    + "EXEMPTED 豁免）；工单状态取报告生成时。"
                    + " / tickets VERIFIED or CLOSED / tickets of the period's findings except FALSE_POSITIVE and "
                    + "EXEMPTED, in their state when the report is made"),
    RECTIFIED_ON_TIME("按期整改率", "On-time rectification rate",
            "按期整改率 = 在整改期限当日或之前验证通过（最近一次 VERIFY 或 AUTO_VERIFY 流转的日期 ≤ due_on）的已整改工单数 / "
                    + "同上分母。"
                    + " / rectified tickets whose latest VERIFY or AUTO_VERIFY transition is on or before due_on / "
                    + "the same denominator");

    /** The EXP rules about time limits, whose findings make an archived application miss its limits. */
    public static final Set<String> TIME_LIMIT_RULES = Set.of("EXP-01", "EXP-02", "EXP-03", "EXP-04", "EXP-05",
            "EXP-06", "EXP-07", "EXP-10");

    /** The rule whose finding marks a meter as due but without any reading record. */
    public static final String UNREAD_RULE = "BIL-01";

    private final String zh;
    private final String en;
    private final String definition;

    RatioKind(String zh, String en, String definition) {
        this.zh = zh;
        this.en = en;
        this.definition = definition;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** Chinese first, then English, as a report prints it. */
    public String label() {
        return zh + " / " + en;
    }

    public String definition() {
        return definition;
    }

    /** The ratios of a team of that kind: its own kind's ratio, then the two rectification ratios. */
    public static List<RatioKind> forTeamKind(String teamKind) {
        RatioKind own = switch (teamKind == null ? "" : teamKind) {
            case "READING" -> READING_ERROR;
            case "BILLING" -> TARIFF_CORRECT;
            case "EXPANSION", "INSTALLATION" -> EXPANSION_ON_TIME;
            default -> null;
        };
        return own == null ? List.of(RECTIFIED, RECTIFIED_ON_TIME) : List.of(own, RECTIFIED, RECTIFIED_ON_TIME);
    }
}
