package org.jicha.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jicha.ingest.Batch.Rows;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first-load case both databases must pass ({@code UpsertIntegrationTests} on H2,
 * {@code PostgresUpsertIntegrationTests} on PostgreSQL): a large file into empty tables repeats a key early, so the
 * rows written straight into the table are refused and the file is written again the upsert way, keeping the last row.
 */
final class RepeatedKeyCase {

    private RepeatedKeyCase() {}

    /** The file of {@code name} in the load's results. */
    static FileResult file(LoadResult result, String name) {
        return result.files().stream()
                .filter(f -> f.fileName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    static void aLargeFileRepeatingAKeyEarlyKeepsItsLastRow(BatchLoader loader, JdbcTemplate jdbc, Path dir) {
        // the repeat of CU0002 is refused by the primary key while later rows are still on their way (the file is
        // many COPY flushes or JDBC batches long)
        String[] rows = new String[3_001];
        for (int i = 1; i <= 3_000; i++) {
            rows[i - 1] = String.format("CU%04d,戶%d,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,", i, i);
        }
        rows[2] = "CU0002,後,RESIDENTIAL,0.22,R1,8,SUSPENDED,S1,2020-05-01,15,";
        rows[3_000] = "CU3000,最後,RESIDENTIAL,0.22,R1,8,ACTIVE,S1,2020-05-01,15,";

        LoadResult result = loader.load(Batch.referenceWorld("repeat")
                .with("customers.csv", Rows.CUSTOMERS, rows)
                .with("meters.csv", Rows.METERS, "M1,CU0002,SMART_SINGLE,1,2020-05-01,IN_SERVICE")
                .writeTo(dir));

        FileResult customers = file(result, "customers.csv");
        assertThat(customers.status()).isEqualTo(FileStatus.LOADED);
        assertThat(customers.rowsAccepted()).isEqualTo(3_001);
        assertThat(Database.count(jdbc, "customers")).isEqualTo(2_999);
        assertThat(jdbc.queryForObject(
                        "SELECT customer_name || ' ' || status FROM customers WHERE customer_no = 'CU0002'",
                        String.class))
                .isEqualTo("後 SUSPENDED");
        assertThat(jdbc.queryForObject(
                        "SELECT customer_name FROM customers WHERE customer_no = 'CU3000'", String.class))
                .isEqualTo("最後");
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT changed_at) FROM customers", Long.class))
                .isEqualTo(1);
        // the meter names a customer of the file written twice: its key is known once the file is in
        assertThat(Database.count(jdbc, "meters")).isEqualTo(1);
    }
}
