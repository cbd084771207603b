package org.jicha.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jicha.JichaApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

/**
 * The modules as Spring Modulith sees them: each top-level package under {@code org.jicha} is a module, only
 * its top package and the named interfaces it declares may be used by others, and no two modules depend on
 * each other in a cycle. The test also writes the module documentation (a component diagram of all
 * modules, one per module, and the module canvases) to {@code target/spring-modulith-docs}; docs/modules/
 * keeps the copy docs/ARCHITECTURE.md shows ({@code plantuml -tsvg docs/modules/components.puml} draws it).
 */
class ApplicationModulesTests {

    static final ApplicationModules MODULES = ApplicationModules.of(JichaApplication.class);

    @Test
    void modulesKeepTheirBoundariesAndFormNoCycle() {
        MODULES.verify();
    }

    @Test
    void theModulesAreTheFeaturesOfDocsArchitecture() {
        assertThat(MODULES.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName()))
                .containsExactlyInAnyOrder(
                        "org.jicha.audit",
                        "org.jicha.bootstrap",
                        "org.jicha.calendar",
                        "org.jicha.cli",
                        "org.jicha.config",
                        "org.jicha.dashboard",
                        "org.jicha.facts",
                        "org.jicha.ingest",
                        "org.jicha.notify",
                        "org.jicha.people",
                        "org.jicha.plans",
                        "org.jicha.records",
                        "org.jicha.reports",
                        "org.jicha.rules",
                        "org.jicha.schedule",
                        "org.jicha.tickets",
                        "org.jicha.tools",
                        "org.jicha.web");
    }

    @Test
    void writesTheModuleDocumentationThatDocsModulesKeeps() throws IOException {
        Documenter.Options output = Documenter.Options.defaults()
                .withOutputFolder(Path.of("target", "spring-modulith-docs").toString());
        // plain UML components: any PlantUML renders them (C4 needs its standard library)
        Documenter.DiagramOptions diagrams =
                Documenter.DiagramOptions.defaults().withStyle(DiagramStyle.UML);
        new Documenter(MODULES, output).writeDocumentation(diagrams, Documenter.CanvasOptions.defaults());

        String written =
                Files.readString(Path.of("target", "spring-modulith-docs", "components.puml"), StandardCharsets.UTF_8);
        String kept = Files.readString(Path.of("docs", "modules", "components.puml"), StandardCharsets.UTF_8);
        for (ApplicationModule module : MODULES) {
            String name = module.getDisplayName();
            assertThat(written).as("written diagram").contains("==" + name);
            assertThat(kept)
                    .as("docs/modules/components.puml is stale: copy target/spring-modulith-docs/*.puml there")
                    .contains("==" + name);
        }
    }
}
