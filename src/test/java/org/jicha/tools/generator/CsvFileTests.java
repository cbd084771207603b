package org.jicha.tools.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTests {

    @TempDir
    Path dir;

    @Test
    void cellsAreWrittenInTheContractsFormats() throws IOException {
        try (CsvFile f = new CsvFile(dir, "x.csv", List.of("a", "b"))) {
            f.text("居民,阶梯")
                    .text("say \"hi\"")
                    .empty()
                    .integer(-42)
                    .hundredths(5)
                    .hundredths(-123456)
                    .thousandths(-7)
                    .date(LocalDate.of(2026, 2, 3))
                    .month(YearMonth.of(2026, 10))
                    .timestamp(LocalDateTime.of(2026, 1, 2, 3, 4, 5))
                    .yesNo(true)
                    .endRow();
            assertThat(f.rows()).isEqualTo(1);
        }
        assertThat(Files.readString(dir.resolve("x.csv"), StandardCharsets.UTF_8))
                .isEqualTo(
                        "a,b\r\n\"居民,阶梯\",\"say \"\"hi\"\"\",,-42,0.05,-1234.56,-0.007,2026-02-03,2026-10,2026-01-02 03:04:05,Y\r\n");
    }

    @Test
    void aChunkInMemoryIsAppendedWithItsRowCount() throws IOException {
        try (CsvFile f = new CsvFile(dir, "y.csv", List.of("n"))) {
            CsvFile chunk = new CsvFile("y.csv");
            for (int i = 0; i < 20_000; i++) {
                chunk.integer(i).endRow();
            }
            f.append(chunk);
            assertThat(f.rows()).isEqualTo(20_000);
        }
        List<String> lines = Files.readAllLines(dir.resolve("y.csv"));
        assertThat(lines).hasSize(20_001).startsWith("n", "0", "1").endsWith("19999");
    }
}
