package org.jicha.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jicha.facts.fixtures.Fixtures.aBill;
import static org.jicha.facts.fixtures.Fixtures.aBundle;
import static org.jicha.facts.fixtures.Fixtures.aCustomer;
import static org.jicha.facts.fixtures.Fixtures.aMeter;
import static org.jicha.facts.fixtures.Fixtures.anApplication;
import static org.jicha.facts.fixtures.Fixtures.anImportantCustomer;
import static org.jicha.facts.fixtures.Fixtures.anInspection;
import static org.jicha.facts.fixtures.Fixtures.readings;
import static org.jicha.rules.testkit.RuleTestKit.findingsFor;
import static org.jicha.rules.testkit.RuleTestKit.shippedRules;

import java.time.LocalDate;
import org.jicha.facts.StoredRecords.CustomerBundle;
import org.junit.jupiter.api.Test;

/** The fixtures' defaults describe a customer in good order: every rule test starts from silence. */
class RuleTestKitTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 5);

    @Test
    void defaultRecordsRaiseNoFindingFromAnyShippedRule() {
        CustomerBundle orderly = aBundle(aCustomer("C001"))
                .with(anImportantCustomer())
                .with(aMeter("M001"))
                .with(readings("M001")
                        .monthlyFrom("2025-10", 120, 130, 125, 118, 122, 110, 100, 105, 140, 150, 135, 128, 121))
                .with(aBill("B1").period("2026-10"))
                .with(anApplication("A1")
                        .type("LV_INCREASE")
                        .fee(100.0, 100.0)
                        .step("ACCEPT", "2026-09-01", "2026-09-01")
                        .step("PLAN_REPLY", "2026-09-02", "2026-09-04"))
                .with(anInspection("I1"))
                .build();

        assertThat(findingsFor(AS_OF, orderly)).isEmpty();
    }

    @Test
    void theShippedRuleSetIsCompiledOncePerJvm() {
        assertThat(shippedRules()).isSameAs(shippedRules());
    }
}
