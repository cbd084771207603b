package org.jicha.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IngestIntegrationTest
class SmokeIntegrationTests {

    @Autowired BatchLoader loader;
    @Autowired JdbcTemplate jdbc;

    @Test
    void referenceWorldLoads(@TempDir Path dir) {
        Database.clean(jdbc);
        LoadResult result = loader.load(Batch.referenceWorld("b1").writeTo(dir));
        assertThat(result.rejections()).isEmpty();
        assertThat(result.files()).allSatisfy(f -> assertThat(f.fault()).isNull());
        assertThat(result.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(Database.count(jdbc, "units")).isEqualTo(3);
    }
}
