package org.govkiosk.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.govkiosk.device.apifixture.HidingApi;
import org.govkiosk.device.apifixture.LeakingApi;
import org.govkiosk.device.printer.ReceiptPrinterModels;
import org.junit.jupiter.api.Test;

/** The rules that keep the device API apart from its implementations catch what they forbid. */
class DeviceApiRulesCanFailTest {

    @Test
    void aPublicClassShowingAnInternalTypeBreaksTheApiRule() {
        JavaClasses classes = new ClassFileImporter().importClasses(LeakingApi.class, HidingApi.class);

        var result = DeviceLayeringTest.theApiShowsNoInternalType.evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(d -> d.contains("LeakingApi shows") && d.contains("ModelText") && d.contains("texts"))
                .noneMatch(d -> d.contains("HidingApi"));
    }

    @Test
    void aClassOutsideTheRegistryReachingIntoTheInternalsBreaksTheRule() {
        JavaClasses classes = new ClassFileImporter().importClasses(HidingApi.class, ReceiptPrinterModels.class);

        var result = DeviceLayeringTest.onlyTheRegistryAndPrinterModelsReachTheInternals.evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(d -> d.contains("HidingApi") && d.contains("ModelText"))
                .noneMatch(d -> d.contains("ReceiptPrinterModels"));
    }
}
