package org.govkiosk.device;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.govkiosk.testkit.CodingRules;
import org.govkiosk.device.driver.AbstractDevice;
import org.govkiosk.device.driver.DeviceStatusCell;

/** Holds the layering of ARCHITECTURE.md inside device-drivers: transport, codec, driver, each in its place. */
@AnalyzeClasses(packages = "org.govkiosk.device", importOptions = ImportOption.DoNotIncludeTests.class)
class DeviceLayeringTest {

    static final String INTERNAL = "org.govkiosk.device.internal";

    /** Serial access goes through one transport, so OS quirks and error mapping live in one place. */
    @ArchTest
    static final ArchRule onlyTransportsUseJSerialComm = noClasses()
            .that().resideOutsideOfPackage("org.govkiosk.device.transport..")
            .should().dependOnClassesThat().resideInAPackage("com.fazecast..");

    /** PC/SC is the smart-card driver's own transport. */
    @ArchTest
    static final ArchRule onlyTheSmartCardDriverUsesSmartcardio = noClasses()
            .that().resideOutsideOfPackage("org.govkiosk.device.internal.driver.smartcard..")
            .should().dependOnClassesThat().resideInAPackage("javax.smartcardio..");

    /** GStreamer (through JNA) is the USB camera's own stack: one package holds its pipelines and threads. */
    @ArchTest
    static final ArchRule onlyTheUvcCameraUsesGStreamer = noClasses()
            .that().resideOutsideOfPackage("org.govkiosk.device.internal.driver.camera.uvc..")
            .should().dependOnClassesThat().resideInAnyPackage("org.freedesktop.gstreamer..");

    /**
     * Native code through JNA in two places only: the camera's GStreamer and the vendor's licensed photo decoder
     * (one class, so a reader of the code finds every native call the terminal makes).
     */
    @ArchTest
    static final ArchRule nativeCallsStayInTheirTwoPlaces = noClasses()
            .that().resideOutsideOfPackage("org.govkiosk.device.internal.driver.camera.uvc..")
            .and().doNotHaveFullyQualifiedName("org.govkiosk.device.internal.driver.idcard.VendorPhotoDecoder")
            .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..");

    /** Codecs are pure functions over bytes: no sockets, channels, threads, transports, drivers or simulators. */
    @ArchTest
    static final ArchRule codecsArePure = noClasses()
            .that().resideInAnyPackage("org.govkiosk.device.codec..", INTERNAL + ".codec..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..",
                    "org.govkiosk.device.transport..", "org.govkiosk.device.driver..", "org.govkiosk.device.sim..",
                    INTERNAL + ".driver..", INTERNAL + ".sim..")
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

    /** Inside the implementations too: the families' codecs, drivers and simulators depend one way. */
    @ArchTest
    static final ArchRule internalPackagesAreFreeOfCycles = slices().matching(INTERNAL + ".(*).(*)..")
            .should().beFreeOfCycles();

    /**
     * The module's API ({@code org.govkiosk.device}: the device interfaces, their status and events; the ID card's
     * data, the registry, the supervisor, printer models, the wedge's key bursts) and its SPI for driver writers
     * (the driver base and factory, the simulator base, transports, frame buffers) stand apart from the built-in
     * implementations in {@code org.govkiosk.device.internal}: only the registry, which lists the built-in
     * factories, and the printer models, which read an ESC/POS model table, reach into them, and nothing else does.
     */
    @ArchTest
    static final ArchRule onlyTheRegistryAndPrinterModelsReachTheInternals = noClasses()
            .that().resideOutsideOfPackages(INTERNAL + "..", "org.govkiosk.device.registry..",
                    "org.govkiosk.device.printer..")
            .should().dependOnClassesThat().resideInAPackage(INTERNAL + "..");

    /** No public class of the API or SPI shows an internal type in what its callers see. */
    @ArchTest
    static final ArchRule theApiShowsNoInternalType = classes()
            .that().resideOutsideOfPackage(INTERNAL + "..").and().arePublic()
            .should(exposeNoTypeFrom(INTERNAL + ".."));

    /**
     * What a caller of a public class sees: its supertypes, and the types (type arguments included) of its public
     * and protected fields, constructors' and methods' parameters, methods' results and declared exceptions.
     */
    static ArchCondition<JavaClass> exposeNoTypeFrom(String packageIdentifier) {
        PackageMatcher internal = PackageMatcher.of(packageIdentifier);
        return new ArchCondition<>("expose no type from " + packageIdentifier) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                // A list, not a map: overloads share a name, and each must be looked at.
                List<Map.Entry<String, JavaType>> seen = new ArrayList<>();
                type.getSuperclass().ifPresent(t -> seen.add(Map.entry("extends", t)));
                type.getInterfaces().forEach(t -> seen.add(Map.entry("implements " + t.getName(), t)));
                for (JavaMember m : type.getMembers()) {
                    if (!m.getModifiers().contains(JavaModifier.PUBLIC)
                            && !m.getModifiers().contains(JavaModifier.PROTECTED)) {
                        continue;
                    }
                    if (m instanceof JavaField f) {
                        seen.add(Map.entry(f.getName(), f.getType()));
                    } else if (m instanceof JavaCodeUnit c) {
                        seen.add(Map.entry(c.getName() + " returns", c.getReturnType()));
                        for (int i = 0; i < c.getParameterTypes().size(); i++) {
                            seen.add(Map.entry(c.getName() + " parameter " + i, c.getParameterTypes().get(i)));
                        }
                        c.getExceptionTypes().forEach(e -> seen.add(Map.entry(c.getName() + " throws " + e.getName(),
                                e)));
                    }
                }
                seen.forEach(e -> e.getValue().getAllInvolvedRawTypes().stream()
                        .filter(raw -> internal.matches(raw.getPackageName()))
                        .forEach(raw -> events.add(SimpleConditionEvent.violated(type, type.getName() + " shows "
                                + raw.getName() + " (" + e.getKey() + ")"))));
            }
        };
    }

    /** The simulator console is a command line; drivers log through SLF4J. */
    @ArchTest
    static final ArchRule onlyTheSimulatorConsoleUsesTheConsole = CodingRules.onlyTheseToolsUseTheConsole(
            "org.govkiosk.device..", "org.govkiosk.device.console.SimulatorConsole");

    @ArchTest
    static final ArchRule slf4jOnly = CodingRules.slf4jOnly("org.govkiosk.device..");

    @ArchTest
    static final ArchRule noPrintStackTrace = CodingRules.noPrintStackTrace("org.govkiosk.device..");
}
