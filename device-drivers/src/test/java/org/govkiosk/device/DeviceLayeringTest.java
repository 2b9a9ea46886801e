package org.govkiosk.device;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.govkiosk.testkit.CodingRules;
import org.govkiosk.device.driver.AbstractDevice;
import org.govkiosk.device.driver.DeviceStatusCell;

/** Holds the layering of ARCHITECTURE.md inside device-drivers: transport, codec, driver, each in its place. */
@AnalyzeClasses(packages = "org.govkiosk.device", importOptions = ImportOption.DoNotIncludeTests.class)
class DeviceLayeringTest {

    /** Serial access goes through one transport, so OS quirks and error mapping live in one place. */
    @ArchTest
    static final ArchRule onlyTransportsUseJSerialComm = noClasses()
            .that().resideOutsideOfPackage("org.govkiosk.device.transport..")
            .should().dependOnClassesThat().resideInAPackage("com.fazecast..");

    /** PC/SC is the smart-card driver's own transport. */
    @ArchTest
    static final ArchRule onlyTheSmartCardDriverUsesSmartcardio = noClasses()
            .that().resideOutsideOfPackage("org.govkiosk.device.driver.smartcard..")
            .should().dependOnClassesThat().resideInAPackage("javax.smartcardio..");

    /** GStreamer (through JNA) is the USB camera's own stack: one package holds its pipelines and threads. */
    @ArchTest
    static final ArchRule onlyTheUvcCameraUsesGStreamer = noClasses()
            .that().resideOutsideOfPackage("org.govkiosk.device.driver.camera.uvc..")
            .should().dependOnClassesThat().resideInAnyPackage("org.freedesktop.gstreamer..");

    /**
     * Native code through JNA in two places only: the camera's GStreamer and the vendor's licensed photo decoder
     * (one class, so a reader of the code finds every native call the terminal makes).
     */
    @ArchTest
    static final ArchRule nativeCallsStayInTheirTwoPlaces = noClasses()
            .that().resideOutsideOfPackage("org.govkiosk.device.driver.camera.uvc..")
            .and().doNotHaveFullyQualifiedName("org.govkiosk.device.driver.idcard.VendorPhotoDecoder")
            .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..");

    /** Codecs are pure functions over bytes: no sockets, channels, threads, transports, drivers or simulators. */
    @ArchTest
    static final ArchRule codecsArePure = noClasses()
            .that().resideInAPackage("org.govkiosk.device.codec..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..",
                    "org.govkiosk.device.transport..", "org.govkiosk.device.driver..", "org.govkiosk.device.sim..")
            .orShould().dependOnClassesThat().belongToAnyOf(Thread.class)
            .allowEmptyShould(true);

    /** Devices know nothing of the terminal, the print templates or the platform above them. */
    @ArchTest
    static final ArchRule devicesKnowNothingAbove = noClasses()
            .that().resideInAPackage("org.govkiosk.device..")
            .should().dependOnClassesThat().resideInAnyPackage("org.govkiosk.app..", "org.govkiosk.print..",
                    "org.govkiosk.platform..");

    /**
     * Every device stands on the one base, so lifecycle, status, supervision and counters are the same for all:
     * a driver that reaches its device without a byte link (CUPS, PC/SC, a camera folder, the keyboard) still
     * extends {@link AbstractDevice}, and a byte-protocol driver extends it through {@code AbstractDeviceDriver}.
     */
    @ArchTest
    static final ArchRule everyDeviceExtendsTheOneBase = classes()
            .that().areAssignableTo(Device.class).and().areNotInterfaces()
            .and().doNotHaveModifier(JavaModifier.ABSTRACT)
            .should().beAssignableTo(AbstractDevice.class);

    /** A driver that kept its own status cell would keep its own status logic: only the base holds one. */
    @ArchTest
    static final ArchRule onlyTheBaseHoldsAStatusCell = noClasses()
            .that().doNotBelongToAnyOf(AbstractDevice.class, DeviceStatusCell.class)
            .should().dependOnClassesThat().belongToAnyOf(DeviceStatusCell.class);

    /** Transport, codec, driver, simulator, registry and console depend one way: no cycle between them. */
    @ArchTest
    static final ArchRule devicePackagesAreFreeOfCycles = slices().matching("org.govkiosk.device.(*)..")
            .should().beFreeOfCycles();

    /** The simulator console is a command line; drivers log through SLF4J. */
    @ArchTest
    static final ArchRule onlyTheSimulatorConsoleUsesTheConsole = CodingRules.onlyTheseToolsUseTheConsole(
            "org.govkiosk.device..", "org.govkiosk.device.console.SimulatorConsole");

    @ArchTest
    static final ArchRule slf4jOnly = CodingRules.slf4jOnly("org.govkiosk.device..");

    @ArchTest
    static final ArchRule noPrintStackTrace = CodingRules.noPrintStackTrace("org.govkiosk.device..");
}
