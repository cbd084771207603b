package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleParametersTests {

    private final RuleParameters params = new RuleParameters(Map.of(
            "EXP.stepLimitWd.PLAN_REPLY.HV_DUAL", 15,
            "EXP.stepLimitWd.PLAN_REPLY.LV", "-",
            "BIL-06.minZeroPeriodsLv", 3));

    @Test
    void aTableLimitIsFoundByGroup() {
        assertThat(params.limit("EXP.stepLimitWd.PLAN_REPLY", "HV_DUAL")).isEqualTo(15);
    }

    @Test
    void aGroupWithoutALimitOrADashOrNoGroupIsMinusOne() {
        assertThat(params.limit("EXP.stepLimitWd.PLAN_REPLY", "HV_SINGLE")).isEqualTo(-1);
        assertThat(params.limit("EXP.stepLimitWd.PLAN_REPLY", "LV")).isEqualTo(-1);
        assertThat(params.limit("EXP.stepLimitWd.PLAN_REPLY", null)).isEqualTo(-1);
    }

    @Test
    void anUnknownTableIsAnErrorNamingIt() {
        assertThatThrownBy(() -> params.limit("EXP.stepLimitWd.SURVEY", "LV"))
                .hasMessageContaining("EXP.stepLimitWd.SURVEY is not defined");
        assertThatThrownBy(() -> params.limit("EXP.stepLimit", "LV"))
                .as("a prefix of a table name is no table")
                .hasMessageContaining("not defined");
    }
}
