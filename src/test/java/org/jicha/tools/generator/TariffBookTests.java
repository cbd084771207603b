package org.jicha.tools.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class TariffBookTests {

    @Test
    void residentialEnergyIsPricedByMonthlyTiers() {
        TariffBook.Rates res = TariffBook.province().ratesFor(TariffBook.RES22, YearMonth.of(2026, 10));
        assertThat(TariffBook.energyChargeFen(res, 10_000)).isEqualTo(5283); // 100 kWh x 0.5283
        // 230 x 0.5283 + 170 x 0.5783 + 100 x 0.8283 = 121.509 + 98.311 + 82.83
        assertThat(TariffBook.energyChargeFen(res, 50_000)).isEqualTo(30265);
    }

    @Test
    void exactAndFastPricingAgreeOnTheTiers() {
        TariffBook.Tariff res = TariffBook.sample().valid(TariffBook.RES22, YearMonth.of(2026, 10));
        assertThat(TariffBook.energyCharge(res, new BigDecimal("500"))).isEqualByComparingTo("302.65");
    }

    @Test
    void theVersionValidOnThePeriodsLastDayApplies() {
        assertThat(TariffBook.province()
                        .ratesFor(TariffBook.COM04, YearMonth.of(2026, 5))
                        .energyPrice())
                .isEqualTo(0.6712);
        assertThat(TariffBook.province()
                        .ratesFor(TariffBook.COM04, YearMonth.of(2026, 6))
                        .energyPrice())
                .isEqualTo(0.6598);
    }

    @Test
    void theSampleAndTheProvinceShareOneCatalogueFromDifferentFirstDays() {
        assertThat(TariffBook.sample().all())
                .hasSameSizeAs(TariffBook.province().all());
        assertThat(TariffBook.sample().all().get(0).validFrom()).isEqualTo(TariffBook.SAMPLE_FIRST_VALID);
        assertThat(TariffBook.province().all().get(0).validFrom()).isEqualTo(TariffBook.PROVINCE_FIRST_VALID);
    }

    @Test
    void thePowerFactorTableGivesSurchargesBelowAndRewardsAboveTheStandard() {
        assertThat(PfAdjustment.ratePercent(0.90, 85)).isEqualTo(2.5);
        assertThat(PfAdjustment.ratePercent(0.90, 96)).isEqualTo(-0.75);
        assertThat(PfAdjustment.ratePercent(0.85, 92)).isEqualTo(-0.8);
        assertThat(PfAdjustment.ratePercent(0.80, 91)).isEqualTo(-1.15);
        assertThat(PfAdjustment.ratePercent(new BigDecimal("0.90"), new BigDecimal("0.85")))
                .isEqualByComparingTo("2.50");
        assertThat(PfAdjustment.actualPfHundredths(1000, 484.32)).isEqualTo(90);
    }
}
