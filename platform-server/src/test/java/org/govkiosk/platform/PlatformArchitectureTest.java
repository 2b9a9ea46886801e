package org.govkiosk.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.govkiosk.testkit.CodingRules;

/**
 * The reference platform logs as the terminal does: through SLF4J, the console only for its command line; its
 * packages are free of cycles.
 */
@AnalyzeClasses(packages = "org.govkiosk.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformArchitectureTest {

    /** The server's main method prints its usage and a bad configuration's reason; nothing else prints. */
    @ArchTest
    static final ArchRule onlyTheCommandLineUsesTheConsole = CodingRules.onlyTheseToolsUseTheConsole(
            "org.govkiosk.platform..", "org.govkiosk.platform.PlatformServer");

    /**
     * The server's packages depend one way: the root (the server and its configuration loader) wires the others,
     * and nothing imports it back; the configuration record lives in {@code config} below everything that reads it.
     */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = CodingRules.packagesBelowAreFreeOfCycles("org.govkiosk.platform");

    @ArchTest
    static final ArchRule slf4jOnly = CodingRules.slf4jOnly("org.govkiosk.platform..");

    @ArchTest
    static final ArchRule noPrintStackTrace = CodingRules.noPrintStackTrace("org.govkiosk.platform..");
}
