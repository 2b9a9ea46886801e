package org.govkiosk.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The coding rules every module's architecture test applies to its own packages, kept in one place: only the named
 * command-line tools use the console; logging goes through SLF4J only; no stack trace is printed to stderr.
 */
public final class CodingRules {

    /** {@code printStackTrace()} of any Throwable (a call names the exception's own class as its owner). */
    public static final DescribedPredicate<JavaMethodCall> PRINT_STACK_TRACE = DescribedPredicate.describe(
            "printStackTrace() of a Throwable", call -> call.getName().equals("printStackTrace")
                    && call.getTargetOwner().isAssignableTo(Throwable.class));

    private CodingRules() {
    }

    /** In {@code packages} (e.g. "org.govkiosk.app.."), nothing but the named tools reads or writes the console. */
    public static ArchRule onlyTheseToolsUseTheConsole(String packages, String... toolClassNames) {
        String tools = Arrays.stream(toolClassNames).map(Pattern::quote).collect(Collectors.joining("|"));
        return noClasses().that().resideInAPackage(packages)
                .and().haveNameNotMatching(tools.isEmpty() ? "(?!)" : "(" + tools + ")(\\$.*)?")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .because("it logs through SLF4J; only command-line tools print");
    }

    /** In {@code packages}, logging is SLF4J: no java.util.logging, System.Logger, commons-logging or log4j. */
    public static ArchRule slf4jOnly(String packages) {
        return noClasses().that().resideInAPackage(packages)
                .should(GeneralCodingRules.USE_JAVA_UTIL_LOGGING)
                .orShould().dependOnClassesThat().resideInAnyPackage("java.util.logging..",
                        "org.apache.commons.logging..", "org.apache.log4j..", "org.apache.logging.log4j..")
                .orShould().dependOnClassesThat().belongToAnyOf(System.Logger.class, System.LoggerFinder.class)
                .orShould().callMethod(System.class, "getLogger", String.class)
                .because("the terminal and the platform log through SLF4J only");
    }

    /** In {@code packages}, no {@code printStackTrace()}: a stack trace belongs in the log. */
    public static ArchRule noPrintStackTrace(String packages) {
        return noClasses().that().resideInAPackage(packages)
                .should().callMethodWhere(PRINT_STACK_TRACE)
                .because("a stack trace belongs in the log (LOG.error(..., e)), not on stderr");
    }
}
