package org.govkiosk.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.printing.PrintResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's receipt is what the citizen's paper is printed from: a case the platform took gets its acceptance
 * receipt with the promised date even when reading the case back fails (issue 15: the receipt was dropped on
 * confirmation and a second GET fetched the date; when that GET failed the citizen got a slip for an accepted
 * case). Real parts: the reference platform over HTTP behind a gateway whose case reads fail, the SQLite outbox and
 * its worker, the receipt printer's simulator.
 */
class KeptReceiptJourneyTest {

    @TempDir
    Path dir;

    private JourneyRig rig;
    private CatalogItem item;

    @BeforeEach
    void start() throws Exception {
        rig = JourneyRig.startWithCaseReadsFailing(dir);
        item = rig.item(Applications::promisedWithDeferrable);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void anAcceptedCaseGetsItsReceiptWithThePromisedDateThoughItsReadBackFails() throws Exception {
        ApplicationOutcome outcome = rig.applications().submit(Applications.request(item, Applications::complete,
                false));

        String number = outcome.caseNumber().orElseThrow();
        assertThat(outcome.paper().kind()).as("an accepted case gets its receipt, not a slip")
                .isEqualTo(JourneyPaper.Kind.ACCEPTANCE_RECEIPT);
        LocalDate promised = outcome.promisedDate().orElseThrow();
        assertThat(promised).isAfter(LocalDate.now().minusDays(1));
        assertThat(outcome.printResult()).isInstanceOf(PrintResult.Printed.class);
        String text = flat(rig.receiptSim.lastDocument().orElseThrow().text());
        assertThat(text).contains("受理回执", number, "承诺办结：" + promised.getYear() + "年"
                + promised.getMonthValue() + "月" + promised.getDayOfMonth() + "日前");
        assertThat(rig.gateway.caseReads()).as("no second request for what the receipt said").isZero();
    }

    private static String flat(String s) {
        return s.replaceAll("\\s+", "");
    }
}
