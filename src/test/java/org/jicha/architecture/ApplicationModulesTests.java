package org.jicha.architecture;

import java.nio.file.Path;
import org.jicha.JichaApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules as Spring Modulith sees them: each top-level package under {@code org.jicha} is a module, only
 * its top package and the named interfaces it declares may be used by others, and no two modules depend on
 * each other in a cycle. The test also writes the module documentation (a C4 component diagram of all
 * modules, one per module, and the module canvases) to {@code target/spring-modulith-docs}; docs/modules/
 * keeps the copy docs/ARCHITECTURE.md shows.
 */
class ApplicationModulesTests {

    static final ApplicationModules MODULES = ApplicationModules.of(JichaApplication.class);

    @Test
    void modulesKeepTheirBoundariesAndFormNoCycle() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(Path.of("target", "spring-modulith-docs").toString()))
                .writeDocumentation();
    }
}
