package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ShippedRuleSetTests {

    @Test
    void shippedRulesCompileWithCompleteMetadata() {
        RuleSet set = new RuleSetLoader().load(Path.of("rules"));
        assertThat(set.rules()).extracting(RuleMeta::code).contains("BIL-01", "IMP-05");
        assertThat(set.rules()).allSatisfy(r -> {
            assertThat(r.title()).isNotBlank();
            assertThat(r.description()).as(r.code() + " description").isNotBlank();
            assertThat(r.line()).isPositive();
            assertThat(r.file()).endsWith(".drl");
        });
        assertThat(set.contentHash()).hasSize(64);
    }
}
