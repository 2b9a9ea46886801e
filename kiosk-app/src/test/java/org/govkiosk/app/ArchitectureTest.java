package org.govkiosk.app;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.govkiosk.testkit.CodingRules;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceEventBus;

/** Holds the layering of ARCHITECTURE.md across the modules, seen from the terminal. */
@AnalyzeClasses(packages = "org.govkiosk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Views bind to ViewModels; only ViewModels talk to services and devices (values they may show). */
    @ArchTest
    static final ArchRule viewsDoNotTouchDevices = noClasses()
            .that().haveSimpleNameEndingWith("View").and().resideInAPackage("org.govkiosk.app.ui..")
            .should().dependOnClassesThat(assignableTo(Device.class).or(assignableTo(DeviceEventBus.class)));

    /**
     * The terminal consumes typed results and events, never bytes: no transports or codecs, and none of the
     * built-in drivers' implementations ({@code org.govkiosk.device.internal}).
     */
    @ArchTest
    static final ArchRule appDoesNotReachBelowTheDeviceApi = noClasses()
            .that().resideInAPackage("org.govkiosk.app..")
            .should().dependOnClassesThat().resideInAnyPackage("org.govkiosk.device.transport..",
                    "org.govkiosk.device.codec..", "org.govkiosk.device.internal..", "com.fazecast..");

    /** No module reaches into device-drivers' implementations: they change without notice behind the API. */
    @ArchTest
    static final ArchRule nothingOutsideTheDevicesReachesTheirInternals = noClasses()
            .that().resideOutsideOfPackage("org.govkiosk.device..")
            .should().dependOnClassesThat().resideInAPackage("org.govkiosk.device.internal..");

    /**
     * Only the terminal's composition root (its devices' assembly builds the drivers, the root validates their
     * configuration) knows driver plumbing, and the technicians' diag, which opens one device.
     */
    @ArchTest
    static final ArchRule onlyTheCompositionRootKnowsDriverPlumbing = noClasses()
            .that().resideInAPackage("org.govkiosk.app..")
            .and().haveNameNotMatching("org\\.govkiosk\\.app\\.context\\.(AppContext|DevicesAssembly)(\\$.*)?")
            .and().resideOutsideOfPackage("org.govkiosk.app.diag..")
            .should().dependOnClassesThat().resideInAnyPackage("org.govkiosk.device.driver..",
                    "org.govkiosk.device.registry..", "org.govkiosk.device.supervisor..");

    @ArchTest
    static final ArchRule devicesKnowNothingAbove = noClasses()
            .that().resideInAPackage("org.govkiosk.device..")
            .should().dependOnClassesThat().resideInAnyPackage("org.govkiosk.app..", "org.govkiosk.print..",
                    "org.govkiosk.platform..", "javafx..");

    @ArchTest
    static final ArchRule printKnowsNoTerminal = noClasses()
            .that().resideInAPackage("org.govkiosk.print..")
            .should().dependOnClassesThat().resideInAnyPackage("org.govkiosk.app..", "javafx..")
            .allowEmptyShould(true);

    /**
     * The platform is reached over HTTP only; the reference server shares no terminal code with it: no app, no
     * devices, no UI. It shares the libraries both sides use: the API, shared-blocks, and print-templates, from
     * whose templates it issues the signed result documents (print-templates needs no device code).
     */
    @ArchTest
    static final ArchRule platformIsIndependent = noClasses()
            .that().resideInAPackage("org.govkiosk.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.govkiosk.app..", "org.govkiosk.device..",
                    "javafx..");

    /** The print templates render documents; they drive no device (the terminal sends the bytes to one). */
    @ArchTest
    static final ArchRule printTemplatesDriveNoDevice = noClasses()
            .that().resideInAPackage("org.govkiosk.print..")
            .should().dependOnClassesThat().resideInAnyPackage("org.govkiosk.app..", "org.govkiosk.device..",
                    "org.govkiosk.platform..", "javafx..");

    /** The session and its citizen data are plain Java: what shows them on screen adapts them on the UI side. */
    @ArchTest
    static final ArchRule sessionIsUiFree = noClasses()
            .that().resideInAPackage("org.govkiosk.app.session..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    /** The packages right under org.govkiosk.app, the root package (entry points) being one slice of its own. */
    /** Layers of the terminal depend one way: no package under org.govkiosk.app (nor its root) in a cycle. */
    @ArchTest
    static final ArchRule appPackagesAreFreeOfCycles = CodingRules.packagesBelowAreFreeOfCycles("org.govkiosk.app");

    /** Screens of the UI depend one way too: a journey's screens do not need each other's packages back. */
    @ArchTest
    static final ArchRule uiPackagesAreFreeOfCycles = slices().matching("org.govkiosk.app.ui.(*)..")
            .should().beFreeOfCycles();

    /** The command-line tools that talk to a technician's console; everything else logs through SLF4J. */
    static final String[] COMMAND_LINE_TOOLS = {
        "org.govkiosk.app.Main", // the jar's entry point: a wrong option, a bad configuration, the start-up figure
        "org.govkiosk.app.diag.DiagCli", // the technicians' diag command line
        "org.govkiosk.app.config.PinHash", // prints the maintenance PIN's hash for terminal.yaml
        "org.govkiosk.app.audit.AuditVerifier", // verifies an exported audit log
    };

    @ArchTest
    static final ArchRule onlyCommandLineToolsUseTheConsole =
            CodingRules.onlyTheseToolsUseTheConsole("org.govkiosk.app..", COMMAND_LINE_TOOLS);

    @ArchTest
    static final ArchRule slf4jOnly = CodingRules.slf4jOnly("org.govkiosk.app..");

    @ArchTest
    static final ArchRule noPrintStackTrace = CodingRules.noPrintStackTrace("org.govkiosk.app..");

    /** What a view may not build itself: services, stores, devices, clients. It gets a view model that has them. */
    static final String[] SERVICE_PACKAGES = {
        "org.govkiosk.app.audit..", "org.govkiosk.app.cases..", "org.govkiosk.app.config..",
        "org.govkiosk.app.journey..", "org.govkiosk.app.maintenance..", "org.govkiosk.app.ops..",
        "org.govkiosk.app.outbox..", "org.govkiosk.app.pad..", "org.govkiosk.app.platform..",
        "org.govkiosk.app.printing..", "org.govkiosk.app.scan..", "org.govkiosk.app.security..",
        "org.govkiosk.app.session..", "org.govkiosk.app.usage..", "org.govkiosk.app.voice..", "org.govkiosk.device..",
        "org.govkiosk.print..",
    };

    /**
     * Sound is the voice package's: it alone opens the sound card, behind its SpeechSink; the UI asks a view model
     * to speak and never plays audio itself.
     */
    @ArchTest
    static final ArchRule onlyTheVoicePackagePlaysSound = noClasses()
            .that().resideInAPackage("org.govkiosk.app..").and().resideOutsideOfPackage("org.govkiosk.app.voice..")
            .should().dependOnClassesThat().resideInAPackage("javax.sound..")
            .because("spoken prompts go through org.govkiosk.app.voice's SpeechSink, on its one speaking thread");

    @ArchTest
    static final ArchRule viewsNeverConstructServices = noClasses()
            .that().resideInAPackage("org.govkiosk.app.ui..").and().haveSimpleNameEndingWith("View")
            .should().callConstructorWhere(target(owner(resideInAnyPackage(SERVICE_PACKAGES))))
            .because("views get view models; the composition root (AppContext and its assemblies) builds the"
                    + " services and TerminalViewModels the view models over them");

    /** KioskUi gets a KioskViewModels; no screen reaches the composition root or its assemblies' services. */
    @ArchTest
    static final ArchRule uiNeverReachesTheCompositionRoot = noClasses()
            .that().resideInAPackage("org.govkiosk.app.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.govkiosk.app.context..")
            .because("the UI gets view models from a KioskViewModels, never the root, a service locator or its"
                    + " services");

    /**
     * Who may make threads besides the root's {@link org.govkiosk.app.context.ExecutorRegistry}, and why. Every
     * other class takes the executor it runs on from its assembly.
     */
    static final String[] THREAD_MAKERS = {
        // Before and beyond the root: the thread that builds the context beside the FX toolkit, the JVM's hook.
        "org.govkiosk.app.KioskApplication",
        // Made by KioskApplication outside the root: it reports "stopping" to systemd while the root closes.
        "org.govkiosk.app.ops.HealthWatchdog",
        // The technicians' diag, a command line of its own without the terminal's root.
        "org.govkiosk.app.diag.DeviceSession",
        // Services that make and close their own threads, closed in turn by their assembly's close (tested in
        // their own tests); onto the registry next (#15).
        "org.govkiosk.app.platform.HttpPlatformClient",
        "org.govkiosk.app.outbox.OutboxWorker",
        "org.govkiosk.app.outbox.OutboxSupervisor",
        "org.govkiosk.app.outbox.ParallelSender",
    };

    /** Threads and pools made with java.util.concurrent.Executors, new Thread or a pool's constructor. */
    private static final DescribedPredicate<JavaAccess<?>> MAKES_THREADS = DescribedPredicate.describe(
            "make a thread or an executor (Executors.*, new Thread, new ThreadPoolExecutor...)", access -> {
                JavaClass owner = access.getTargetOwner();
                if (owner.isEquivalentTo(java.util.concurrent.Executors.class)) {
                    return access instanceof JavaMethodCall;
                }
                return access instanceof JavaConstructorCall
                        && (owner.isAssignableTo(Thread.class)
                                || owner.isAssignableTo(java.util.concurrent.ThreadPoolExecutor.class)
                                || owner.isAssignableTo(java.util.concurrent.ForkJoinPool.class));
            });

    @ArchTest
    static final ArchRule onlyTheExecutorRegistryMakesThreads = noClasses()
            .that().resideInAPackage("org.govkiosk.app..")
            .and().haveNameNotMatching("org\\.govkiosk\\.app\\.context\\.ExecutorRegistry(\\$.*)?")
            .and().haveNameNotMatching(cliToolsPattern(THREAD_MAKERS))
            .should().accessTargetWhere(MAKES_THREADS)
            .because("the terminal's threads are made, named and closed by the root's ExecutorRegistry; a component"
                    + " gets its executor from its assembly");

    static String cliToolsPattern(String... names) {
        StringBuilder regex = new StringBuilder();
        for (String name : names) {
            regex.append(regex.length() == 0 ? "" : "|").append(name.replace(".", "\\.")).append("(\\$.*)?");
        }
        return regex.toString();
    }
}
