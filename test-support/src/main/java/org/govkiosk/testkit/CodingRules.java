package org.govkiosk.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The coding rules every module's architecture test applies to its own packages, kept in one place: only the named
 * command-line tools use the console; logging goes through SLF4J only; no stack trace is printed to stderr; the
 * packages below a module's root, the root itself included, depend on each other one way.
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

    /**
     * The packages directly below {@code root} (e.g. "org.govkiosk.app"), each with its subpackages, and the root
     * package itself as a slice of its own, are free of cycles. ArchUnit's {@code matching("root.(*)..")} leaves the
     * root package out, and a root that imports everything while a package imports the root back is the usual cycle.
     */
    public static ArchRule packagesBelowAreFreeOfCycles(String root) {
        return slices().assignedFrom(packagesBelow(root)).should().beFreeOfCycles();
    }

    private static SliceAssignment packagesBelow(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                if (pkg.equals(root)) {
                    return SliceIdentifier.of(root + " (root)");
                }
                if (pkg.startsWith(root + ".")) {
                    return SliceIdentifier.of(root + "." + pkg.substring(root.length() + 1).split("\\.")[0]);
                }
                return SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "the packages under " + root + " and the root package";
            }
        };
    }
}
