package org.jicha.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import org.jicha.config.Labels;
import org.junit.jupiter.api.Test;

/**
 * Every code of the data contract has a Chinese and an English name in the message bundles
 * ({@code code.<list>.<CODE>}), so pages, reports and the rules' evidence ({@code Evidence.label}) never show
 * {@code ESTIMATED} or {@code AGRICULTURAL} to a person. A new code column or a new code fails here until named.
 */
class ContractCodeLabelsTests {

    /** The list each code column's names live in (team kinds share the rule catalogue's {@code teamKind.*}). */
    static final Map<String, String> LISTS = Map.ofEntries(
            Map.entry("units.unit_type", "code.unitType."),
            Map.entry("units.team_kind", "teamKind."),
            Map.entry("tariffs.customer_category", "code.customerCategory."),
            Map.entry("customers.category", "code.customerCategory."),
            Map.entry("customers.status", "code.customerStatus."),
            Map.entry("customers.basic_charge_mode", "code.basicChargeMode."),
            Map.entry("important_customers.grade", "code.importantGrade."),
            Map.entry("meters.meter_kind", "code.meterKind."),
            Map.entry("meters.metering_class", "code.meteringClass."),
            Map.entry("meters.status", "code.meterStatus."),
            Map.entry("readings.read_type", "code.readType."),
            Map.entry("bills.channel", "code.payChannel."),
            Map.entry("applications.app_type", "code.appType."),
            Map.entry("applications.supply_mode", "code.supplyMode."),
            Map.entry("applications.status", "code.appStatus."),
            Map.entry("application_steps.step", "code.step."),
            Map.entry("application_steps.outcome", "code.stepOutcome."),
            Map.entry("inspections.kind", "code.inspectionKind."),
            Map.entry("inspections.result", "code.inspectionResult."),
            Map.entry("meter_events.kind", "code.meterEventKind."));

    @Test
    void everyCodeOfTheContractHasAChineseAndAnEnglishName() {
        List<String> unnamed = new ArrayList<>();
        for (ContractFile file : ContractFile.values()) {
            for (Column column : file.columns()) {
                if (column.codes() == null || column.codes().isEmpty()) {
                    continue;
                }
                String where = file.fileName().replace(".csv", "") + "." + column.name();
                String prefix = LISTS.get(where);
                if (prefix == null) {
                    unnamed.add(where + " (no list in ContractCodeLabelsTests.LISTS)");
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
