package org.jicha.records.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written COPY text of decimals and dates is character for character what the JDK's methods give. */
class CopyTextTests {

    @Test
    void decimalsAreWrittenAsToPlainStringWritesThem() {
        SplittableRandom random = new SplittableRandom(20261207);
        for (int i = 0; i < 200_000; i++) {
            long unscaled = switch (i % 4) {
                case 0 -> random.nextLong(-1_000, 1_000);
                case 1 -> random.nextLong(-100_000_000, 100_000_000);
                case 2 -> random.nextLong();
                default -> random.nextLong(0, 10) * (long) Math.pow(10, random.nextInt(0, 18));
            };
            int scale = random.nextInt(-3, 21);
            assertSame(BigDecimal.valueOf(unscaled, scale));
        }
        for (String cell : new String[] {
            "0",
            "0.0",
            "-0.001",
            "0.000",
            "1.05",
            "-1.05",
            "129.69",
            "100",
            "1E+3",
            "12345678901234567.89",
            "123456789012345678901234.5",
            "-9223372036854775808",
            "0.000000000000000001",
            "9999999999999999.99"
        }) {
            assertSame(new BigDecimal(cell));
        }
        assertSame(new BigDecimal(new BigInteger("123456789012345678901234567890"), 4));
    }

    @Test
    void datesAreWrittenAsLocalDateWritesThem() {
        for (LocalDate d = LocalDate.of(999, 12, 25); d.isBefore(LocalDate.of(1001, 1, 10)); d = d.plusDays(1)) {
            assertSame(d);
        }
        for (LocalDate d = LocalDate.of(1899, 1, 1); d.isBefore(LocalDate.of(2101, 1, 1)); d = d.plusDays(1)) {
            assertSame(d);
        }
        assertSame(LocalDate.of(9999, 12, 31));
        assertSame(LocalDate.of(10000, 1, 1));
        assertSame(LocalDate.of(-5, 3, 4));
    }

    private static void assertSame(BigDecimal number) {
        StringBuilder text = new StringBuilder("x");
        CopyText.appendDecimal(text, number);
        assertThat(text.toString()).as("%s (scale %d)", number, number.scale()).isEqualTo("x" + number.toPlainString());
    }

    private static void assertSame(LocalDate date) {
        StringBuilder text = new StringBuilder();
        CopyText.appendDate(text, date);
        assertThat(text.toString()).isEqualTo(date.toString());
    }
}
