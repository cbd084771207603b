package org.jicha.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The cheap double paths of the power factor and of cents give exactly what the exact decimal computations give. */
class BillFactPowerFactorTests {

    @Test
    void theDoublePathAgreesWithTheExactComputationOn200000Readings() {
        SplittableRandom random = new SplittableRandom(20261129);
        for (int i = 0; i < 200_000; i++) {
            // whole and two-decimal kWh and kvarh as the contract carries them, small to very large
            double scale = Math.pow(10, random.nextInt(0, 8));
            double kwh = Math.round(random.nextDouble(0.01, 1) * scale * 100) / 100.0;
            double kvarh = Math.round(random.nextDouble(0, 1.5) * kwh * 100) / 100.0;
            if (kwh == 0) {
                continue;
            }
            assertThat(BillFact.actualPf(kwh, kvarh))
                    .as("kWh %s, kvarh %s", kwh, kvarh)
                    .isEqualTo(BillFact.exactPf(kwh, kvarh));
        }
    }

    @Test
    void centsAgreeWithTheExactRoundingOn200000AmountsAndAtHalfCents() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double scale = Math.pow(10, random.nextInt(0, 10));
            double yuan = (random.nextBoolean() ? 1 : -1) * random.nextDouble() * scale;
            if (i % 3 == 0) {
                yuan = Math.round(yuan * 1000) / 1000.0; // three decimals: many exact half cents
            }
            assertThat(BillFact.cents(yuan)).as("%s yuan", yuan).isEqualTo(BillFact.exactCents(yuan));
        }
        assertThat(BillFact.cents(0.125)).isEqualTo(0.13);
        assertThat(BillFact.cents(-0.125)).isEqualTo(-0.13);
        assertThat(BillFact.cents(1.005)).isEqualTo(1.01); // 1.005 as written, not as the double is
        assertThat(BillFact.cents(2.675)).isEqualTo(2.68);
    }

    @Test
    void roundingEdgesAndTheUsualCases() {
        assertThat(BillFact.actualPf(0, 5)).isNull();
        assertThat(BillFact.actualPf(100, 0)).isEqualTo(1.0);
        assertThat(BillFact.actualPf(3, 4)).isEqualTo(0.6); // 3-4-5: exactly 0.60
        assertThat(BillFact.actualPf(1000, 620)).isEqualTo(0.85); // 0.8499... rounds up
        // pf = 0.845 exactly is not reachable with a rational sqrt here; kvarh chosen so pf lands at x.xx5 +- tiny
        double kwh = 845;
        double kvarh = Math.sqrt(1000.0 * 1000.0 - 845.0 * 845.0); // pf = 0.845 up to double error
        assertThat(BillFact.actualPf(kwh, kvarh)).isEqualTo(BillFact.exactPf(kwh, kvarh));
        assertThat(BillFact.actualPf(kwh, Math.nextUp(kvarh))).isEqualTo(BillFact.exactPf(kwh, Math.nextUp(kvarh)));
        assertThat(BillFact.actualPf(kwh, Math.nextDown(kvarh))).isEqualTo(BillFact.exactPf(kwh, Math.nextDown(kvarh)));
    }
}
