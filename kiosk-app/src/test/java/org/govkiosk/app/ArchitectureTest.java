package org.govkiosk.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
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

    /** The terminal consumes typed results and events, never bytes: no transports, codecs or simulators. */
    @ArchTest
    static final ArchRule appDoesNotReachBelowTheDeviceApi = noClasses()
            .that().resideInAPackage("org.govkiosk.app..")
            .should().dependOnClassesThat().resideInAnyPackage("org.govkiosk.device.transport..",
                    "org.govkiosk.device.codec..", "com.fazecast..");

    /** Only the terminal's composition root builds drivers, and the technicians' diag, which opens one device. */
    @ArchTest
    static final ArchRule onlyTheCompositionRootKnowsDriverPlumbing = noClasses()
            .that().resideInAPackage("org.govkiosk.app..").and().haveNameNotMatching("org\\.govkiosk\\.app\\.AppContext(\\$.*)?")
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

    /** The platform is reached over HTTP only; the reference server shares no code with the terminal. */
    @ArchTest
    static final ArchRule platformIsIndependent = noClasses()
            .that().resideInAPackage("org.govkiosk.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.govkiosk.app..", "org.govkiosk.device..",
                    "org.govkiosk.print..", "javafx..");

    /** The UI runs on the FX thread only; devices and services never touch it. */
    @ArchTest
    static final ArchRule sessionIsUiFree = noClasses()
            .that().resideInAnyPackage("org.govkiosk.app.config..", "org.govkiosk.app.maintenance..")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..");
}
