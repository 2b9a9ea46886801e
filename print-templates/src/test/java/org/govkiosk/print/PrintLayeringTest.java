package org.govkiosk.print;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

/** Renderers stay apart: the model knows no renderer, PDFBox stays in the PDF renderer, ESC/POS needs no PDF. */
class PrintLayeringTest {

    /** {@code printStackTrace()} of any Throwable (a call names the exception's own class as its owner). */
    private static final DescribedPredicate<JavaMethodCall> PRINT_STACK_TRACE = DescribedPredicate.describe(
            "printStackTrace() of a Throwable", call -> call.getName().equals("printStackTrace")
                    && call.getTargetOwner().isAssignableTo(Throwable.class));

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
        noClasses().that().doNotHaveFullyQualifiedName("org.govkiosk.print.seal.DemoSealGenerator")
                .and().doNotHaveFullyQualifiedName("org.govkiosk.print.verify.SigningKeyTool")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(CLASSES);
    }

    @Test
    void slf4jOnly() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(CLASSES);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.util.logging..",
                        "org.apache.commons.logging..", "org.apache.log4j..", "org.apache.logging.log4j..")
                .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class, System.LoggerFinder.class)
                .orShould().callMethod(System.class, "getLogger", String.class)
                .orShould().callMethodWhere(PRINT_STACK_TRACE)
                .check(CLASSES);
    }
}
