package org.jicha.tickets;

/** Why an auditor judged a finding not to be a deviation; counts against the rule's precision. */
public enum FalsePositiveReason {
    RULE_LOGIC("规则逻辑有误", "the rule's logic is wrong"),
    SOURCE_DATA("源数据有误", "the source data is wrong"),
    POLICY_EXCEPTION("政策允许的特例", "an exception the policy allows"),
    DUPLICATE("重复", "a duplicate");

    private final String zh;
    private final String en;

    FalsePositiveReason(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
