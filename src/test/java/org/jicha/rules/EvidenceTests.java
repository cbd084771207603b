package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvidenceTests {

    @Test
    void measuredValuesLoseTrailingZerosAndKeepAtMostThreeDecimals() {
        assertThat(Evidence.num(20.0)).isEqualTo("20");
        assertThat(Evidence.num(4622.5)).isEqualTo("4622.5");
        assertThat(Evidence.num(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(Evidence.num(1e6)).isEqualTo("1000000");
        assertThat(Evidence.num(null)).isEqualTo("空");
    }

    @Test
    void moneyHasTwoDecimals() {
        assertThat(Evidence.yuan(120.0)).isEqualTo("120.00");
        assertThat(Evidence.yuan(0.125)).isEqualTo("0.13");
        assertThat(Evidence.yuan(null)).isEqualTo("空");
    }

    @Test
    void pricesKeepTheirFourDecimalsWithoutTrailingZeros() {
        assertThat(Evidence.price(0.5283)).isEqualTo("0.5283");
        assertThat(Evidence.price(27.0)).isEqualTo("27");
        assertThat(Evidence.price(40.5)).isEqualTo("40.5");
        assertThat(Evidence.price(null)).isEqualTo("空");
    }

    @Test
    void aContractCodeIsPrintedByItsChineseName() {
        assertThat(Evidence.label("readType", "ESTIMATED")).isEqualTo("估抄");
        assertThat(Evidence.label("customerCategory", "AGRICULTURAL")).isEqualTo("农业生产");
        assertThat(Evidence.label("readType", null)).isEqualTo("空");
        assertThat(Evidence.label("readType", "SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
        assertThat(Evidence.labels("step", "SURVEY, CONNECT")).isEqualTo("勘查、装表接电");
        assertThat(Evidence.labels("step", "")).isEqualTo("空");
    }
}
