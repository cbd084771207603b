package org.jicha.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.jicha.facts.fixtures.Fixtures.aTariff;

import java.time.LocalDate;
import java.util.List;
import org.jicha.facts.StoredRecords.Tariff;
import org.junit.jupiter.api.Test;

/** The tariff version a period or date is priced with, and the energy charge a version gives. */
class TariffCatalogueTests {

    private final Tariff until2025 =
            aTariff("RES").price(0.50).valid("2020-01-01", "2025-06-15").build();
    private final Tariff from2025 =
            aTariff("RES").price(0.55).valid("2025-06-16", null).build();
    private final TariffCatalogue catalogue = new TariffCatalogue(List.of(until2025, from2025));

    @Test
    void aPeriodIsPricedWithTheVersionValidOnItsLastDay() {
        assertThat(catalogue.validIn("RES", "2025-06")).isEqualTo(from2025);
        assertThat(catalogue.validIn("RES", "2025-05")).isEqualTo(until2025);
    }

    @Test
    void aPeriodNoVersionCoversHasNoTariff() {
        assertThat(catalogue.validIn("RES", "2019-12")).isNull();
        assertThat(catalogue.validIn("OTHER", "2025-06")).isNull();
        assertThat(catalogue.validIn(null, "2025-06")).isNull();
    }

    @Test
    void aDateIsPricedWithTheVersionValidOnIt() {
        assertThat(catalogue.validOn("RES", LocalDate.of(2025, 6, 15))).contains(until2025);
        assertThat(catalogue.validOn("RES", LocalDate.of(2025, 6, 16))).contains(from2025);
        assertThat(catalogue.validOn("RES", LocalDate.of(2019, 1, 1))).isEmpty();
    }

    @Test
    void aFlatTariffPricesEveryKwhAtTheEnergyPrice() {
        assertThat(TariffCatalogue.energyCharge(from2025, 200)).isCloseTo(110.0, within(1e-9));
    }

    @Test
    void tiersPriceEachBandAtItsOwnPrice() {
        Tariff tiered =
                aTariff("RES-T").price(0.5283).tiers(230, 400, 0.5783, 0.8283).build();

        assertThat(TariffCatalogue.energyCharge(tiered, 200)).isCloseTo(200 * 0.5283, within(1e-9));
        assertThat(TariffCatalogue.energyCharge(tiered, 500))
                .isCloseTo(230 * 0.5283 + 170 * 0.5783 + 100 * 0.8283, within(1e-9));
    }
}
