package org.govkiosk.shared;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** Below every other module: it may use none of them, nor the console, and its packages have no cycles. */
class SharedBlocksArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.govkiosk.shared");

    @Test
    void dependsOnNoOtherModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.govkiosk.app..", "org.govkiosk.device..",
                "org.govkiosk.print..", "org.govkiosk.platform..", "org.govkiosk.api..", "org.govkiosk.personal..")
                .check(CLASSES);
    }

    @Test
    void noConsoleAndFreeOfCycles() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CLASSES);
        slices().matching("org.govkiosk.shared.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
