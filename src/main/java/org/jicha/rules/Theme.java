package org.jicha.rules;

/** The six audit themes of the source article (营销稽查的主要内容). */
public enum Theme {
    BIL("电价电费及抄核收", "Tariffs, reading, billing, collection"),
    BUS("营业业务", "Business operations"),
    INS("用电检查", "Usage inspection"),
    MET("装表接电及电能计量", "Installation and metering"),
    EXP("业扩流程", "Business expansion process"),
    IMP("重要客户供用电安全", "Important-customer supply safety");

    private final String titleZh;
    private final String titleEn;

    Theme(String titleZh, String titleEn) {
        this.titleZh = titleZh;
        this.titleEn = titleEn;
    }

    public String titleZh() {
        return titleZh;
    }

    public String titleEn() {
        return titleEn;
    }
}
