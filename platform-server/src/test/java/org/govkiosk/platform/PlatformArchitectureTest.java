package org.govkiosk.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The reference platform logs as the terminal does: through SLF4J, the console only for its command line. */
@AnalyzeClasses(packages = "org.govkiosk.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformArchitectureTest {

    /** {@code printStackTrace()} of any Throwable (a call names the exception's own class as its owner). */
    private static final DescribedPredicate<JavaMethodCall> PRINT_STACK_TRACE = DescribedPredicate.describe(
            "printStackTrace() of a Throwable", call -> call.getName().equals("printStackTrace")
                    && call.getTargetOwner().isAssignableTo(Throwable.class));

    /** The server's main method prints its usage and a bad configuration's reason; nothing else prints. */
    @ArchTest
    static final ArchRule onlyTheCommandLineUsesTheConsole = noClasses()
            .that().doNotHaveFullyQualifiedName("org.govkiosk.platform.PlatformServer")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule slf4jOnly = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.commons.logging..",
                    "org.apache.log4j..", "org.apache.logging.log4j..")
            .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class, System.LoggerFinder.class)
            .orShould().callMethod(System.class, "getLogger", String.class);

    @ArchTest
    static final ArchRule noPrintStackTrace = noClasses()
            .should().callMethodWhere(PRINT_STACK_TRACE);
}
