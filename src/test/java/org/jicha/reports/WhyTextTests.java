package org.jicha.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jicha.rules.RuleParameters;
import org.junit.jupiter.api.Test;

/** The why column says the thresholds in words with their values, never a parameter's key. */
class WhyTextTests {

    private static final RuleParameters PARAMETERS;

    static {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("BIL-02.maxDaysSinceActualRead", 60);
        values.put("BUS-02.limitWd", 5);
        values.put("BIL-07.hvThresholdKv", 10);
        values.put("BIL-11.demandFloorShare", new BigDecimal("0.40"));
        values.put("EXP.stepLimitWd.PLAN_REPLY.RES", 3);
        values.put("EXP.stepLimitWd.PLAN_REPLY.LV", 7);
        PARAMETERS = new RuleParameters(values);
    }

    @Test
    void aKeyWithItsValueBecomesTheValue() {
        assertThat(WhyText.words("抄表日期早于基准日前 BIL-02.maxDaysSinceActualRead（60）天", PARAMETERS))
                .isEqualTo("抄表日期早于基准日前 60 天");
        assertThat(WhyText.words("电压低于 BIL-07.hvThresholdKv 10 kV", PARAMETERS)).isEqualTo("电压低于 10 kV");
        assertThat(WhyText.words("运行容量 × BIL-11.demandFloorShare（0.4，未核实）", PARAMETERS))
                .isEqualTo("运行容量 × 0.4（未核实）");
    }

    @Test
    void aKeyAloneGetsTheValueInForceATableItsEntries() {
        assertThat(WhyText.words("超过 BUS-02.limitWd 个工作日", PARAMETERS)).isEqualTo("超过 5 个工作日");
        assertThat(WhyText.words("超过 EXP.stepLimitWd.PLAN_REPLY 对应限值", PARAMETERS))
                .isEqualTo("超过 （RES 3、LV 7） 对应限值");
        assertThat(WhyText.words("BIL-99.unknown 不变", PARAMETERS)).isEqualTo("BIL-99.unknown 不变");
    }

    @Test
    void theContractsCodesArePrintedByTheirNames() {
        // the audit team's descriptions name codes: the team reads names
        assertThat(WhyText.codeNames("抄表类型为 ESTIMATED（估抄）且状态 ACTIVE，缺 PLAN_REPLY 环节"))
                .isEqualTo("抄表类型为 估抄且状态 正常，缺 供电方案答复 环节");
        assertThat(WhyText.codeNames("依据 BIL-02.maxDays、电压 10 kV、Ⅲ类 I 类、RES 3"))
                .isEqualTo("依据 BIL-02.maxDays、电压 10 kV、Ⅲ类 I 类、RES 3");
        assertThat(WhyText.codeNames("SPECIAL 检查"))
                .as("a code with two names stays")
                .isEqualTo("SPECIAL 检查");
    }
}
