package org.jicha.notify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Notices sit at the edge: nothing depends on them, and they use only the public face of tickets and of audit
 * (the {@code RunHeld} event a held run publishes).
 */
class NotifyBoundaryTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jicha");

    @Test
    void noOtherFeatureDependsOnNotify() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.jicha.notify..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jicha.notify..")
                .check(CLASSES);
    }

    @Test
    void notifyUsesOnlyPeopleCalendarRulesAndThePublicApiOfTicketsAndAudit() {
        noClasses()
                .that()
                .resideInAPackage("org.jicha.notify..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.jicha.tickets.internal..",
                        "org.jicha.audit.internal..",
                        "org.jicha.ingest..",
                        "org.jicha.facts..",
                        "org.jicha.schedule..",
                        "org.jicha.cli..",
                        "org.jicha.bootstrap..",
                        "org.kie..",
                        "org.drools..")
                .check(CLASSES);
        // only the outbox API's error answers (notify.web) use the web's problem map
        noClasses()
                .that()
                .resideInAPackage("org.jicha.notify..")
                .and()
                .resideOutsideOfPackage("org.jicha.notify.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jicha.web..")
                .check(CLASSES);
    }
}
