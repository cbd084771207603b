package org.jicha.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.MissingResourceException;
import org.jicha.config.Labels;
import org.junit.jupiter.api.Test;

/**
 * Every code of the data contract has a Chinese and an English name in the message bundles
 * ({@code code.<list>.<CODE>}), so pages, reports and the rules' evidence ({@code Evidence.label}) never show
 * {@code ESTIMATED} or {@code AGRICULTURAL} to a person. A new code column or a new code fails here until named.
 */
class ContractCodeLabelsTests {

    @Test
    void everyCodeOfTheContractHasAChineseAndAnEnglishName() {
        List<String> unnamed = new ArrayList<>();
        for (ContractFile file : ContractFile.values()) {
            for (Column column : file.columns()) {
                if (column.codes() == null || column.codes().isEmpty()) {
                    continue;
                }
                String prefix = file.codeNames(column);
                if (prefix == null) {
                    unnamed.add(file.fileName() + " " + column.name() + " (no entry in ContractFile.CODE_NAMES)");
                    continue;
                }
                for (String code : column.codes()) {
                    try {
                        assertThat(Labels.zh(prefix + code)).as(prefix + code).doesNotContainPattern("[A-Z]{2,}");
                        assertThat(Labels.en(prefix + code)).as(prefix + code).isNotBlank();
                    } catch (MissingResourceException missing) {
                        unnamed.add(prefix + code);
                    }
                }
            }
        }
        assertThat(unnamed).isEmpty();
    }
}
