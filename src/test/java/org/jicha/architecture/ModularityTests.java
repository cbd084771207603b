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
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.jicha");
    }

    @Test
    void onlyTheRulesPackageTouchesDrools() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.jicha.rules..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void factsAndCalendarArePlainJava() {
        noClasses()
                .that()
                .resideInAnyPackage("org.jicha.facts..", "org.jicha.calendar..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void noFeatureReachesIntoAnothersInternals() {
        for (String feature : new String[] {"ingest", "audit", "tickets", "rules", "facts", "records"}) {
            noClasses()
                    .that()
                    .resideOutsideOfPackage("org.jicha." + feature + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage("org.jicha." + feature + ".internal..")
                    .check(classes);
        }
    }

    @Test
    void onlyTheWebTheScheduleAndMailUseReports() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "org.jicha.reports..", "org.jicha.web..", "org.jicha.schedule..", "org.jicha.notify..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jicha.reports..")
                .check(classes);
    }

    @Test
    void reportsUseOnlyAuditTicketsRecordsRulesPeopleAndCalendar() {
        noClasses()
                .that()
                .resideInAPackage("org.jicha.reports..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.jicha.ingest..",
                        "org.jicha.facts..",
                        "org.jicha.schedule..",
                        "org.jicha.cli..",
                        "org.jicha.bootstrap..",
                        "org.jicha.tools..")
                .check(classes);
        // only the reports page (reports.web) uses the pages' layout
        noClasses()
                .that()
                .resideInAPackage("org.jicha.reports..")
                .and()
                .resideOutsideOfPackage("org.jicha.reports.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jicha.web..")
                .check(classes);
    }

    @Test
    void theRecordsModuleBuildsOnlyOnTheFactsRecords() {
        noClasses()
                .that()
                .resideInAPackage("org.jicha.records..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.jicha.ingest..",
                        "org.jicha.audit..",
                        "org.jicha.tickets..",
                        "org.jicha.rules..",
                        "org.jicha.plans..",
                        "org.jicha.reports..",
                        "org.jicha.notify..",
                        "org.jicha.people..",
                        "org.jicha.web..",
                        "org.jicha.schedule..",
                        "org.jicha.cli..",
                        "org.jicha.bootstrap..")
                .check(classes);
    }

    @Test
    void theProductNeverUsesTheTools() {
        // generators, benchmark and comparison are tools: only the command line, which wires the jar's commands,
        // may reach them, so the product runs the same with the tools folder left out
        noClasses()
                .that()
                .resideOutsideOfPackages("org.jicha.tools..", "org.jicha.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jicha.tools..")
                .check(classes);
    }

    @Test
    void theGeneratorIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage("org.jicha.tools.generator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "jakarta.persistence..",
                        "org.kie..",
                        "org.drools..",
                        "org.jicha.ingest..",
                        "org.jicha.audit..",
                        "org.jicha.facts..",
                        "org.jicha.rules..",
                        "org.jicha.tickets..",
                        "org.jicha.web..",
                        "org.jicha.schedule..",
                        "org.jicha.bootstrap..",
                        "org.jicha.people..",
                        "org.jicha.cli..",
                        "org.jicha.tools.bench..",
                        "org.jicha.tools.compare..")
                .check(classes);
    }

    @Test
    void onlyTheBenchmarkUsesTheComparisonAndOnlyTheCommandLineUsesTheBenchmark() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.jicha.tools.compare..", "org.jicha.tools.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jicha.tools.compare..")
                .check(classes);
        noClasses()
                .that()
                .resideOutsideOfPackages("org.jicha.tools.bench..", "org.jicha.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jicha.tools.bench..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("org.jicha.tools.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.jicha.tools.generator..",
                        "org.jicha.web..",
                        "org.jicha.tickets..",
                        "org.jicha.reports..",
                        "org.jicha.schedule..",
                        "org.jicha.cli..")
                .check(classes);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("org.jicha.(*)..").should().beFreeOfCycles().check(classes);
    }
}
