package org.govkiosk.app.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.govkiosk.app.catalog.CatalogLoader;
import org.govkiosk.app.journey.JourneyRig;
import org.govkiosk.app.testkit.RepoConfig;
import org.junit.jupiter.api.Test;

/**
 * Every item of the shipped catalog can be applied for: a value exists for each of its fields that the terminal's
 * own validation accepts. The soak found an item no citizen could submit (a 19-digit bank card in a NUMBER field,
 * whose numbers stop at 12 digits); this keeps such a catalog from shipping.
 */
class ShippedItemsApplicableTest {

    @Test
    void noShippedItemHasAFormThatCannotPassValidation() throws Exception {
        var items = CatalogLoader.load(RepoConfig.source()).items();
        CitizenVisit visit = new CitizenVisit(items, List.of("demo-zhang"), JourneyRig.applicant());

        assertThat(visit.unusable()).isEmpty();
        assertThat(visit.itemCount()).isEqualTo(items.size());
    }
}
