package org.jicha.tools.generator.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class TariffBookTests {

    @Test
    void residentialEnergyIsPricedByMonthlyTiers() {
        TariffBook.Version res = TariffBook.forPeriod(TariffBook.RES22, YearMonth.of(2026, 10));
        assertThat(TariffBook.energyChargeFen(res, 10_000)).isEqualTo(5283); // 100 kWh x 0.5283
        // 230 x 0.5283 + 170 x 0.5783 + 100 x 0.8283 = 121.509 + 98.311 + 82.83
        assertThat(TariffBook.energyChargeFen(res, 50_000)).isEqualTo(30265);
    }

    @Test
    void theVersionValidOnThePeriodsLastDayApplies() {
        assertThat(TariffBook.forPeriod(TariffBook.COM04, YearMonth.of(2026, 5)).energyPrice()).isEqualTo(0.6712);
        assertThat(TariffBook.forPeriod(TariffBook.COM04, YearMonth.of(2026, 6)).energyPrice()).isEqualTo(0.6598);
    }

    @Test
    void thePowerFactorTableGivesSurchargesBelowAndRewardsAboveTheStandard() {
        assertThat(TariffBook.pfRatePercent(0.90, 85)).isEqualTo(2.5);
        assertThat(TariffBook.pfRatePercent(0.90, 96)).isEqualTo(-0.75);
        assertThat(TariffBook.pfRatePercent(0.85, 92)).isEqualTo(-0.8);
        assertThat(TariffBook.pfRatePercent(0.80, 91)).isEqualTo(-1.15);
        assertThat(CustomerRecords.actualPf(1000, 484.32)).isEqualTo(90);
    }
}
