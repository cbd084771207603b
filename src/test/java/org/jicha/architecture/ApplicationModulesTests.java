package org.jicha.architecture;

import java.nio.file.Path;
import org.jicha.JichaApplication;
import org.junit.jupiter.api.Test;
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
    void writesTheModuleDocumentation() {
        Documenter.Options output = Documenter.Options.defaults()
                .withOutputFolder(Path.of("target", "spring-modulith-docs").toString());
        // plain UML components: any PlantUML renders them (C4 needs its standard library)
        Documenter.DiagramOptions diagrams =
                Documenter.DiagramOptions.defaults().withStyle(DiagramStyle.UML);
        new Documenter(MODULES, output).writeDocumentation(diagrams, Documenter.CanvasOptions.defaults());
    }
}
