package org.jicha.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of docs/ARCHITECTURE.md, checked. */
class ModularityTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.jicha");
    }

    @Test
    void onlyTheRulesPackageTouchesDrools() {
        noClasses().that().resideOutsideOfPackage("org.jicha.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void factsAndCalendarArePlainJava() {
        noClasses().that().resideInAnyPackage("org.jicha.facts..", "org.jicha.calendar..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void noFeatureReachesIntoAnothersInternals() {
        for (String feature : new String[] {"ingest", "audit", "tickets", "rules", "facts"}) {
            noClasses().that().resideOutsideOfPackage("org.jicha." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.jicha." + feature + ".internal..")
                    .check(classes);
        }
    }

    @Test
    void onlyTheWebTheScheduleAndMailUseReports() {
        noClasses().that().resideOutsideOfPackages("org.jicha.reports..", "org.jicha.web..", "org.jicha.schedule..",
                        "org.jicha.notify..")
                .should().dependOnClassesThat().resideInAPackage("org.jicha.reports..")
                .check(classes);
    }

    @Test
    void reportsUseOnlyAuditTicketsRulesPeopleAndCalendar() {
        noClasses().that().resideInAPackage("org.jicha.reports..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jicha.ingest..", "org.jicha.facts..",
                        "org.jicha.schedule..", "org.jicha.cli..", "org.jicha.bootstrap..", "org.jicha.sampledata..")
                .check(classes);
        // only the reports page (reports.web) uses the pages' layout
        noClasses().that().resideInAPackage("org.jicha.reports..").and().resideOutsideOfPackage("org.jicha.reports.web..")
                .should().dependOnClassesThat().resideInAPackage("org.jicha.web..")
                .check(classes);
    }

    @Test
    void theGeneratorIsPlainJavaAndOnlyTheCommandLineUsesIt() {
        noClasses().that().resideInAPackage("org.jicha.generator..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                        "org.kie..", "org.drools..", "org.jicha.ingest..", "org.jicha.audit..", "org.jicha.facts..",
                        "org.jicha.rules..", "org.jicha.tickets..", "org.jicha.web..", "org.jicha.schedule..",
                        "org.jicha.bootstrap..", "org.jicha.people..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.jicha.generator..", "org.jicha.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.jicha.generator..")
                .check(classes);
    }

    @Test
    void onlyTheBenchmarkUsesTheComparisonAndOnlyTheCommandLineUsesTheBenchmark() {
        noClasses().that().resideOutsideOfPackages("org.jicha.compare..", "org.jicha.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.jicha.compare..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.jicha.bench..", "org.jicha.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.jicha.bench..")
                .check(classes);
        noClasses().that().resideInAPackage("org.jicha.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jicha.generator..", "org.jicha.web..",
                        "org.jicha.tickets..", "org.jicha.reports..", "org.jicha.schedule..", "org.jicha.cli..")
                .check(classes);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("org.jicha.(*)..").should().beFreeOfCycles().check(classes);
    }
}
