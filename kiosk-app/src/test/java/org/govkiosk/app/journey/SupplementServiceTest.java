package org.govkiosk.app.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.Material;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.MaterialRequirement;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.EntryState;
import org.govkiosk.app.outbox.OutboxEntry;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 补交材料 against the embedded platform-server and a real SQLite outbox: an application with missing materials is
 * filed as 补正, found again by the ID card, and its materials handed in, all at once or bit by bit, online or
 * while the platform is down. What was printed is read back from the receipt printer's simulator; what reached the
 * platform from its own database.
 */
class SupplementServiceTest {

    @TempDir
    Path dir;

    private JourneyRig rig;
    private SupplementService service;
    private CatalogItem item;
    private List<MaterialRequirement> absent;

    @BeforeEach
    void start() throws Exception {
        rig = JourneyRig.start(dir);
        service = rig.supplements();
        item = rig.item(Applications::promisedWithDeferrable);
        absent = item.materials().stream().filter(m -> m.eLicence().isEmpty()).filter(m -> m.key() || m.deferrable())
                .toList();
        assertThat(absent).hasSizeGreaterThanOrEqualTo(2);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    /** Applies without the absent materials, as the materials screen would, and finds the case by the ID card. */
    private CaseProgress applyWithoutThemAndFindByCard() {
        ApplicationOutcome applied = rig.applications().submit(Applications.request(item,
                m -> absent.contains(m) ? MaterialChoice.MISSING : Applications.complete(m), false));
        String number = applied.caseNumber().orElseThrow();
        ProgressAnswer found = rig.progress().byApplicant(JourneyRig.applicant());
        assertThat(found).isInstanceOf(ProgressAnswer.Found.class);
        return ((ProgressAnswer.Found) found).cases().stream().filter(c -> c.caseNumber().equals(number))
                .findFirst().orElseThrow();
    }

    private Set<String> codesOf(CaseProgress c) {
        return Set.copyOf(c.missingMaterials().stream().map(Material::code).toList());
    }

    @Test
    void theCaseWaitsForExactlyTheMissingMaterialsAndHandingThemInGetsItAccepted() throws Exception {
        CaseProgress waiting = applyWithoutThemAndFindByCard();
        assertThat(waiting.state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
        assertThat(waiting.supplementable()).isTrue();
        assertThat(waiting.missingMaterials()).extracting(Material::name)
                .containsExactlyElementsOf(absent.stream().map(MaterialRequirement::name).toList());
        assertThat(waiting.supplementRequest()).get().asString().contains(absent.get(0).name());
        int printedBefore = rig.receiptSim.printedDocuments().size();

        SupplementOutcome outcome = service.handIn(waiting, JourneyRig.applicant(), codesOf(waiting));

        assertThat(outcome.queuedOffline()).isFalse();
        assertThat(outcome.complete()).isTrue();
        assertThat(outcome.after()).get().extracting(CaseProgress::state).isEqualTo(CaseState.ACCEPTED);
        assertThat(outcome.paper().kind()).isEqualTo(JourneyPaper.Kind.ACCEPTANCE_RECEIPT);
        assertThat(outcome.printResult().printed()).isTrue();
        assertThat(rig.receiptSim.printedDocuments()).hasSize(printedBefore + 1);
        var receipt = rig.receiptSim.lastDocument().orElseThrow();
        assertThat(flat(receipt.text())).contains("受理回执", waiting.caseNumber(), "110***********002X");
        assertThat(receipt.text()).doesNotContain(JourneyRig.ID_NUMBER, "张三丰");

        CaseProgress after = ((ProgressAnswer.Found) rig.progress().byNumber(waiting.caseNumber())).cases().get(0);
        assertThat(after.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(after.supplementable()).isFalse();
        assertThat(rig.platformRows("case_supplements", waiting.caseNumber())).isEqualTo(1);
    }

    @Test
    void handingInPartOfThemPrintsWhatIsStillMissingAndTheCaseKeepsWaiting() throws Exception {
        CaseProgress waiting = applyWithoutThemAndFindByCard();
        Material first = waiting.missingMaterials().get(0);

        SupplementOutcome outcome = service.handIn(waiting, JourneyRig.applicant(), Set.of(first.code()));

        assertThat(outcome.complete()).isFalse();
        assertThat(outcome.handedIn()).containsExactly(first.name());
        assertThat(outcome.stillMissing()).containsExactlyElementsOf(
                absent.stream().skip(1).map(MaterialRequirement::name).toList());
        assertThat(outcome.paper().kind()).isEqualTo(JourneyPaper.Kind.SUPPLEMENT_SLIP);
        String slip = flat(rig.receiptSim.lastDocument().orElseThrow().text());
        assertThat(slip).contains("补交材料凭条", waiting.caseNumber(), flat(first.name()), "仍需补交",
                flat(absent.get(1).name()));
        CaseProgress after = outcome.after().orElseThrow();
        assertThat(after.state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
        assertThat(after.missingMaterials()).extracting(Material::code).doesNotContain(first.code());
    }

    @Test
    void withThePlatformDownTheHandInIsKeptAndSentOnceWhenItIsBack() throws Exception {
        CaseProgress waiting = applyWithoutThemAndFindByCard();
        rig.platform.stop();

        SupplementOutcome outcome = service.handIn(waiting, JourneyRig.applicant(), codesOf(waiting));

        assertThat(outcome.queuedOffline()).isTrue();
        assertThat(outcome.after()).isEmpty();
        assertThat(outcome.paper().kind()).isEqualTo(JourneyPaper.Kind.SUPPLEMENT_SLIP);
        assertThat(flat(rig.receiptSim.lastDocument().orElseThrow().text())).contains("网络暂时中断",
                waiting.caseNumber());
        assertThat(awaitingDelivery()).anySatisfy(e -> assertThat(e.kind()).isEqualTo(EntryKind.SUPPLEMENT));

        rig.platform.restart();
        rig.worker.wake();
        rig.awaitDrained();
        Await.until("the supplement on the platform", Duration.ofSeconds(20),
                () -> rig.platformRows("case_supplements", waiting.caseNumber()) > 0);
        assertThat(rig.platformRows("case_supplements", waiting.caseNumber())).isEqualTo(1);
        CaseProgress after = ((ProgressAnswer.Found) rig.progress().byNumber(waiting.caseNumber())).cases().get(0);
        assertThat(after.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(rig.outbox.entries(EntryState.CONFIRMED)).filteredOn(e -> e.kind() == EntryKind.SUPPLEMENT)
                .singleElement().satisfies(e -> assertThat(e.reference()).contains(waiting.caseNumber()));
    }

    @Test
    void aHandInTheCaseNoLongerWaitsForIsRefusedByThePlatformAndTheSlipSaysWhereToGo() throws Exception {
        CaseProgress waiting = applyWithoutThemAndFindByCard();
        assertThat(service.handIn(waiting, JourneyRig.applicant(), codesOf(waiting)).complete()).isTrue();

        // The same, stale view of the case, as a second terminal would still show it.
        SupplementOutcome again = service.handIn(waiting, JourneyRig.applicant(), codesOf(waiting));

        assertThat(again.refused()).isTrue();
        assertThat(again.after()).isEmpty();
        assertThat(flat(rig.receiptSim.lastDocument().orElseThrow().text())).contains("未能自动提交", "窗口");
        assertThat(rig.outbox.entries(EntryState.DEAD)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.SUPPLEMENT);
            assertThat(e.lastError()).get().asString().contains("not-awaiting-supplement");
        });
        assertThat(rig.platformRows("case_supplements", waiting.caseNumber())).isEqualTo(1);
    }

    @Test
    void aMaterialTheCaseDoesNotWaitForIsRefusedAndNothingIsQueued() {
        CaseProgress waiting = applyWithoutThemAndFindByCard();
        int queued = all().size();

        assertThatThrownBy(() -> service.handIn(waiting, JourneyRig.applicant(), Set.of("M99")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("M99");
        assertThatThrownBy(() -> service.handIn(waiting, JourneyRig.applicant(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(all()).hasSize(queued);
    }

    private List<OutboxEntry> awaitingDelivery() {
        List<OutboxEntry> entries = new ArrayList<>(rig.outbox.entries(EntryState.PENDING));
        entries.addAll(rig.outbox.entries(EntryState.SENT));
        return entries;
    }

    private List<OutboxEntry> all() {
        List<OutboxEntry> entries = new ArrayList<>(awaitingDelivery());
        entries.addAll(rig.outbox.entries(EntryState.CONFIRMED));
        entries.addAll(rig.outbox.entries(EntryState.DEAD));
        return entries;
    }

    static String flat(String text) {
        return text.replaceAll("\\s+", "");
    }
}
