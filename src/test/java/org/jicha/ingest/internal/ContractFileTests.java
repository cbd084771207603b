package org.jicha.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.jicha.records.ContractTable;
import org.junit.jupiter.api.Test;

class ContractFileTests {

    @Test
    void eachFileIsStoredInTheRecordsTableOfItsName() {
        for (ContractFile file : ContractFile.values()) {
            assertThat(file.table().table() + ".csv").isEqualTo(file.fileName());
        }
    }

    @Test
    void everyRecordsTableIsFilledByExactlyOneFile() {
        assertThat(Arrays.stream(ContractFile.values()).map(ContractFile::table))
                .containsExactlyInAnyOrder(ContractTable.values());
    }

    @Test
    void theColumnsAFileWritesKeepTheirNamesAndKeys() {
        for (ContractFile file : ContractFile.values()) {
            for (Column column : file.columns()) {
                assertThat(column.stored().name()).isEqualTo(column.name());
                assertThat(column.stored().key()).isEqualTo(column.key());
                assertThat(column.stored().type()).isEqualTo(column.type().stored());
            }
        }
    }
}
