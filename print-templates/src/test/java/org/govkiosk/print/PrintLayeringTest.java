package org.govkiosk.print;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.govkiosk.testkit.CodingRules;
import org.junit.jupiter.api.Test;

/** Renderers stay apart: the model knows no renderer, PDFBox stays in the PDF renderer, ESC/POS needs no PDF. */
class PrintLayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.govkiosk.print");

    @Test
    void modelAndDataDependOnNoRendererOrTemplateCode() {
        noClasses().that().resideInAnyPackage("..print.model..", "..print.data..")
                .should().dependOnClassesThat().resideInAnyPackage("..print.pdf..", "..print.escpos..",
                        "..print.template..", "org.apache.pdfbox..", "com.fasterxml..")
                .check(CLASSES);
    }

    @Test
    void onlyThePdfRendererUsesPdfBox() {
        noClasses().that().resideOutsideOfPackage("..print.pdf..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..", "org.apache.fontbox..")
                .check(CLASSES);
    }

    @Test
    void escPosRendererDoesNotNeedThePdfRenderer() {
        noClasses().that().resideInAPackage("..print.escpos..")
                .should().dependOnClassesThat().resideInAPackage("..print.pdf..")
                .check(CLASSES);
    }

    @Test
    void printPackagesAreFreeOfCycles() {
        slices().matching("org.govkiosk.print.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** The two tools with a main method print on the console; the renderers log through SLF4J. */
    @Test
    void onlyCommandLineToolsUseTheConsole() {
        CodingRules.onlyTheseToolsUseTheConsole("org.govkiosk.print..", "org.govkiosk.print.seal.DemoSealGenerator",
                "org.govkiosk.print.verify.SigningKeyTool").check(CLASSES);
    }

    @Test
    void slf4jOnly() {
        CodingRules.slf4jOnly("org.govkiosk.print..").check(CLASSES);
        CodingRules.noPrintStackTrace("org.govkiosk.print..").check(CLASSES);
    }
}
