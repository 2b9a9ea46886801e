package org.govkiosk.app.ui.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javafx.beans.property.SimpleStringProperty;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.FieldType;
import org.govkiosk.app.catalog.Prefill;
import org.govkiosk.app.journey.Applications;
import org.govkiosk.app.journey.JourneyRig;
import org.govkiosk.app.journey.MaterialChoice;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.ui.journey.JourneyTexts;
import org.govkiosk.app.ui.journey.MaterialScans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application journey's ViewModel over the real services (platform, outbox, printers of {@link JourneyRig});
 * service calls run inline here, so each step's result is there when the call returns.
 */
class ApplyViewModelTest {

    @TempDir
    Path dir;

    private JourneyRig rig;
    private final CitizenSession session = new CitizenSession();
    private final SimpleStringProperty phone = new SimpleStringProperty("13800138000");
    private ApplyViewModel model;
    private CatalogItem item;

    @BeforeEach
    void start() throws Exception {
        rig = JourneyRig.start(dir);
        model = new ApplyViewModel(rig.applications(), rig.progress(), session, phone, Runnable::run, Runnable::run);
        item = rig.item(Applications::promisedWithDeferrable);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private FieldInput field(Prefill source) {
        return model.fields().stream().filter(f -> f.field().prefill().filter(p -> p == source).isPresent())
                .findFirst().orElseThrow();
    }

    private void fillTheRest() {
        for (FieldInput f : model.fields()) {
            if (f.valueProperty().get().isEmpty()) {
                f.valueProperty().set(Applications.valid(f.field()));
            }
        }
    }

    @Test
    void withoutAnIdentityTheCitizenIsAskedToIdentifyFirst() {
        assertThat(model.start(item)).isFalse();
        assertThat(model.messageKeyProperty().get()).isEqualTo("apply.identify-first");
        assertThat(model.fields()).isEmpty();
    }

    @Test
    void identityFieldsComeFromTheCardLockedAndEveryOtherProblemShowsAtOnce() {
        session.identityProperty().set(JourneyRig.card());
        assertThat(model.start(item)).isTrue();

        assertThat(field(Prefill.NAME).valueProperty().get()).isEqualTo("张三丰");
        assertThat(field(Prefill.NAME).locked()).isTrue();
        assertThat(field(Prefill.ID_NUMBER).valueProperty().get()).isEqualTo(JourneyRig.ID_NUMBER);
        assertThat(field(Prefill.ID_NUMBER).locked()).isTrue();
        assertThat(field(Prefill.PHONE).valueProperty().get()).isEqualTo("13800138000");
        assertThat(field(Prefill.PHONE).locked()).as("the phone is the citizen's to correct").isFalse();
        assertThat(model.applicantProperty().get()).contains("110***********002X").doesNotContain("张三丰");

        FieldInput date = model.fields().stream().filter(f -> f.field().type() == FieldType.DATE).findFirst()
                .orElseThrow();
        field(Prefill.PHONE).valueProperty().set("12");
        assertThat(model.formNext()).isFalse();
        assertThat(date.problemProperty().get().messageKey()).isEqualTo("apply.field.required");
        assertThat(field(Prefill.PHONE).problemProperty().get().messageKey()).isEqualTo("apply.field.phone");
        assertThat(model.messageKeyProperty().get()).isEqualTo("apply.form.fix");

        date.valueProperty().set("2025-03-01");
        assertThat(date.problemProperty().get()).as("editing clears the message").isNull();
        field(Prefill.PHONE).valueProperty().set("13900139000");
        assertThat(model.formNext()).isTrue();
    }

    @Test
    void theChecklistOffersWhatEachMaterialAllowsAndDeferringNeedsTheCommitment() {
        session.identityProperty().set(JourneyRig.card());
        model.start(item);
        fillTheRest();
        MaterialInput eLicence = model.materials().stream().filter(m -> m.requirement().eLicence().isPresent())
                .findFirst().orElseThrow();
        MaterialInput deferrable = model.materials().stream().filter(m -> m.requirement().deferrable())
                .findFirst().orElseThrow();
        MaterialInput key = model.materials().stream()
                .filter(m -> m.requirement().key() && m.requirement().eLicence().isEmpty()).findFirst().orElseThrow();
        assertThat(eLicence.options()).containsExactly(MaterialChoice.E_LICENCE);
        assertThat(deferrable.options()).contains(MaterialChoice.DEFERRED);
        assertThat(key.options()).containsExactly(MaterialChoice.PROVIDED, MaterialChoice.MISSING);

        deferrable.choiceProperty().set(MaterialChoice.DEFERRED);
        assertThat(model.commitmentNeededProperty().get()).isTrue();
        assertThat(model.materialsNext()).isFalse();
        assertThat(model.commitmentErrorKeyProperty().get()).isEqualTo("apply.commitment.required");
        model.commitmentProperty().set(true);
        assertThat(model.commitmentErrorKeyProperty().get()).isEmpty();
        assertThat(model.materialsNext()).isTrue();

        key.choiceProperty().set(MaterialChoice.DEFERRED);
        assertThat(model.materialsNext()).isFalse();
        assertThat(key.problemProperty().get().messageKey()).isEqualTo("apply.material.not-deferrable");
    }

    @Test
    void theCommitmentAcceptedIsTheTextShownAndOtherDeferralsNeedItAcceptedAgain() throws Exception {
        session.identityProperty().set(JourneyRig.card());
        model.start(item);
        fillTheRest();
        MaterialInput deferrable = model.materials().stream().filter(m -> m.requirement().deferrable())
                .findFirst().orElseThrow();
        assertThat(model.deferralTermsProperty().get()).isNull();
        deferrable.choiceProperty().set(MaterialChoice.DEFERRED);
        var terms = model.deferralTermsProperty().get();
        assertThat(terms.materials()).containsExactly(deferrable.requirement().name());
        assertThat(terms.days()).isEqualTo(deferrable.requirement().deferralDays());
        model.commitmentTextProperty().set("本人承诺：在" + terms.deadline() + "前补交（屏幕文本）");
        model.commitmentProperty().set(true);

        // Changing what is deferred withdraws the acceptance: the new terms must be accepted again.
        deferrable.choiceProperty().set(MaterialChoice.PROVIDED);
        assertThat(model.commitmentProperty().get()).isFalse();
        assertThat(model.deferralTermsProperty().get()).isNull();
        deferrable.choiceProperty().set(MaterialChoice.DEFERRED);
        assertThat(model.commitmentProperty().get()).isFalse();
        assertThat(model.materialsNext()).isFalse();
        model.commitmentProperty().set(true);
        assertThat(model.materialsNext()).isTrue();

        model.submit(() -> { });
        String number = model.outcomeProperty().get().caseNumber().orElseThrow();
        assertThat(rig.storedSubmission(model.outcomeProperty().get().submitted().idempotencyKey()))
                .contains("（屏幕文本）", org.govkiosk.app.journey.DeferralTerms.TEXT_VERSION);
        var kept = ((org.govkiosk.app.journey.ProgressAnswer.Found) rig.progress().byNumber(number)).cases().get(0);
        assertThat(kept.deferral()).get().satisfies(d -> assertThat(d.materials())
                .containsExactly(deferrable.requirement().name()));
    }

    @Test
    void missingMaterialsEndAsASupplementCaseWithTheNotificationAndTheSessionEndWipesAll() {
        session.identityProperty().set(JourneyRig.card());
        model.start(item);
        fillTheRest();
        MaterialInput key = model.materials().stream()
                .filter(m -> m.requirement().key() && m.requirement().eLicence().isEmpty()).findFirst().orElseThrow();
        key.choiceProperty().set(MaterialChoice.MISSING);
        assertThat(model.formNext()).isTrue();
        assertThat(model.materialsNext()).isTrue();
        assertThat(model.missingMaterials()).containsExactly(key.requirement().name());
        assertThat(model.summary()).extracting(ApplyViewModel.SummaryLine::shown)
                .contains("110***********002X").doesNotContain(JourneyRig.ID_NUMBER, "张三丰");

        boolean[] done = {false};
        model.submit(() -> done[0] = true);

        assertThat(done[0]).isTrue();
        var outcome = model.outcomeProperty().get();
        assertThat(outcome.needsSupplement()).isTrue();
        assertThat(JourneyTexts.headlineKey(outcome)).isEqualTo("apply.result.supplement");
        assertThat(JourneyTexts.paperKey(outcome.paper().kind(), model.lastPrintProperty().get()))
                .isEqualTo("apply.result.printed.notification");
        assertThat(model.canReprint().get()).isFalse();

        model.clearSessionData();
        assertThat(model.fields()).isEmpty();
        assertThat(model.materials()).isEmpty();
        assertThat(model.outcomeProperty().get()).isNull();
        assertThat(model.applicantProperty().get()).isEmpty();
        assertThat(model.itemProperty().get()).isNull();
    }

    @Test
    void declinedSmsNoticesTravelWithTheCaseAndTheNextCitizenStartsWithoutTheTick() throws Exception {
        session.identityProperty().set(JourneyRig.card());
        model.start(item);
        fillTheRest();
        model.smsOptOutProperty().set(true);
        model.submit(() -> { });
        assertThat(rig.storedSubmission(model.outcomeProperty().get().submitted().idempotencyKey()))
                .contains("\"smsOptOut\":true");
        model.start(item);
        assertThat(model.smsOptOutProperty().get()).as("one citizen's choice is not the next one's").isFalse();
    }

    @Test
    void aMailedResultNeedsAValidAddressWhichTravelsWithTheCaseAndIsGoneForTheNextCitizen() throws Exception {
        session.identityProperty().set(JourneyRig.card());
        model.start(item);
        fillTheRest();
        MailDelivery d = model.delivery();
        assertThat(d.mailProperty().get()).as("collect or print is the default").isFalse();
        assertThat(d.fields()).extracting(FieldInput::key).containsExactly("mail-province", "mail-city",
                "mail-district", "mail-street", "mail-phone");
        assertThat(d.fields().get(4).valueProperty().get()).as("the phone given at identification")
                .isEqualTo("13800138000");
        assertThat(model.formNext()).isTrue();

        d.mailProperty().set(true);
        model.submit(() -> { });
        assertThat(model.outcomeProperty().get()).as("no case goes without the whole address").isNull();
        assertThat(model.messageKeyProperty().get()).isEqualTo("apply.delivery.fix");
        assertThat(d.fields().get(0).problemProperty().get().messageKey()).isEqualTo("apply.field.required");
        d.fields().get(0).valueProperty().set("广东省");
        d.fields().get(1).valueProperty().set("示例市");
        d.fields().get(2).valueProperty().set("示例区");
        d.fields().get(3).valueProperty().set("路".repeat(121));
        d.fields().get(4).valueProperty().set("12345");
        model.submit(() -> { });
        assertThat(model.outcomeProperty().get()).isNull();
        assertThat(d.fields().get(3).problemProperty().get().messageKey()).isEqualTo("apply.field.pattern");
        assertThat(d.fields().get(3).problemProperty().get().catalogText().orElseThrow().zh()).isEqualTo("最多120个字");
        assertThat(d.fields().get(4).problemProperty().get().messageKey()).isEqualTo("apply.field.phone");
        d.fields().get(3).valueProperty().set("人民路88号3栋502室");
        d.fields().get(4).valueProperty().set("13912345678");

        model.submit(() -> { });
        String stored = rig.storedSubmission(model.outcomeProperty().get().submitted().idempotencyKey());
        assertThat(stored).contains("\"mailTo\":{\"province\":\"广东省\",\"city\":\"示例市\",\"district\":"
                + "\"示例区\",\"street\":\"人民路88号3栋502室\",\"phone\":\"13912345678\"}");
        model.start(item);
        assertThat(d.mailProperty().get()).as("one citizen's address is not the next one's").isFalse();
        assertThat(d.fields().subList(0, 4)).allMatch(f -> f.valueProperty().get().isEmpty());
    }

    @Test
    void aCaseCollectedOrPrintedHereSendsNoAddress() throws Exception {
        session.identityProperty().set(JourneyRig.card());
        model.start(item);
        fillTheRest();
        model.delivery().fields().get(0).valueProperty().set("广东省"); // typed, then collect chosen after all
        model.submit(() -> { });
        assertThat(rig.storedSubmission(model.outcomeProperty().get().submitted().idempotencyKey()))
                .doesNotContain("mailTo", "广东省");
    }

    @Test
    void anImmediateItemDecidedOnTheSpotOffersItsResultAtOnce() throws Exception {
        CatalogItem immediate = rig.item(Applications::immediatePrintable);
        session.identityProperty().set(JourneyRig.card());
        model.start(immediate);
        fillTheRest();
        model.submit(() -> { });
        String number = model.outcomeProperty().get().caseNumber().orElseThrow();
        assertThat(model.resultReadyProperty().get()).isTrue();
        assertThat(model.certificateStatusKeyProperty().get()).isEqualTo("immediate.result-ready");

        model.printResult();
        assertThat(model.certificateStatusKeyProperty().get()).isEqualTo("journey.certificate.printed");
        assertThat(JourneyRig.pdfText(rig.a4.jobs.get(rig.a4.jobs.size() - 1).data()).replaceAll("\\s+", ""))
                .contains("办结证明", number);
    }

    @Test
    void anImmediateItemADepartmentDecidesLaterIsPrintableLaterThroughTheProgressQuery() throws Exception {
        rig.close();
        rig = JourneyRig.start(java.nio.file.Files.createDirectories(dir.resolve("clerk-decides")), false);
        model = new ApplyViewModel(rig.applications(), rig.progress(), session, phone, Runnable::run, Runnable::run);
        CatalogItem immediate = rig.item(Applications::immediatePrintable);
        session.identityProperty().set(JourneyRig.card());
        model.start(immediate);
        fillTheRest();
        model.submit(() -> { });
        var outcome = model.outcomeProperty().get();
        assertThat(outcome.resultPrintable()).isTrue();
        String number = outcome.caseNumber().orElseThrow();
        assertThat(model.resultReadyProperty().get()).as("not decided within the wait").isFalse();
        assertThat(model.certificateStatusKeyProperty().get()).isEqualTo("immediate.printable-later");

        model.printResult();
        assertThat(model.certificateStatusKeyProperty().get()).isEqualTo("journey.certificate.not-ready");

        byte[] pdf = "%PDF-1.7\n% 参保缴费证明\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        rig.clerkFinishes(number, pdf);
        model.printResult();
        assertThat(model.certificateStatusKeyProperty().get()).isEqualTo("journey.certificate.printed");
        assertThat(rig.a4.jobs).anySatisfy(j -> assertThat(j.data()).isEqualTo(pdf));
    }

    /** The platform's cases of the test's applicant for {@code itemCode}, once the outbox has sent what it holds. */
    private long platformCases(String itemCode) throws Exception {
        return rig.client.searchCases(new org.govkiosk.api.CaseSearch(org.govkiosk.api.IdType.RESIDENT_ID,
                JourneyRig.ID_NUMBER)).cases().stream().filter(c -> c.itemCode().equals(itemCode)).count();
    }

    @Test
    void oneJourneyFilesOneCaseHoweverOftenItIsSubmitted() throws Exception {
        // A slow platform: the submission waits on the background queue while the citizen taps again.
        java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();
        model = new ApplyViewModel(rig.applications(), rig.progress(), session, phone, background::add,
                Runnable::run);
        session.identityProperty().set(JourneyRig.card());
        model.start(item);
        fillTheRest();
        assertThat(model.formNext()).isTrue();
        assertThat(model.materialsNext()).isTrue();
        int[] shown = {0};
        model.submit(() -> shown[0]++);
        model.submit(() -> shown[0]++);
        assertThat(background).as("the second tap while the first is under way files nothing").hasSize(1);
        while (!background.isEmpty()) {
            background.poll().run();
        }
        assertThat(shown[0]).isEqualTo(1);
        String number = model.outcomeProperty().get().caseNumber().orElseThrow();

        // Back at the confirmation somehow, the citizen taps 确认提交 again: the result is shown, nothing is filed.
        model.submit(() -> shown[0]++);
        assertThat(background).isEmpty();
        assertThat(shown[0]).isEqualTo(2);
        assertThat(model.outcomeProperty().get().caseNumber()).contains(number);
        assertThat(platformCases(item.code())).isEqualTo(1);
    }

    @Test
    void theSameApplicationSubmittedAgainIsTheSameCaseOnThePlatform() throws Exception {
        // What a retry does after the terminal could not tell whether the first try was stored: the request keeps
        // its journey's key, so the outbox and the platform see one case.
        var request = Applications.request(item, Applications::complete, false);
        var first = rig.applications().submit(request);
        var again = rig.applications().submit(request);
        assertThat(again.submitted().idempotencyKey()).isEqualTo(first.submitted().idempotencyKey());
        assertThat(again.caseNumber()).isEqualTo(first.caseNumber()).isPresent();
        assertThat(platformCases(item.code())).isEqualTo(1);
    }

    @Test
    void aJourneyBegunAgainAfterTheIdleTimeoutFilesTheSameCase() throws Exception {
        // The platform is slow: the submission is still under way when the citizen walks away and the session
        // times out; they come back, identify again and apply for the same item.
        java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();
        byte[] secret = "a secret of the terminal's key store".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        model = new ApplyViewModel(rig.applications(), rig.progress(), session, phone, background::add,
                Runnable::run, MaterialScans.none(), org.govkiosk.app.journey.SubmissionKeys.keyed(secret,
                        java.time.Clock.systemUTC(), java.time.ZoneId.of("Asia/Shanghai")));
        identifyApplyAndSubmit();
        model.clearSessionData();
        session.clearSessionData();
        identifyApplyAndSubmit();
        while (!background.isEmpty()) {
            background.poll().run();
        }
        String number = model.outcomeProperty().get().caseNumber().orElseThrow();
        assertThat(platformCases(item.code())).as("one case on the platform, %s", number).isEqualTo(1);
    }

    @Test
    void submissionKeysHideTheIdNumberAndChangeWithTheItemAndTheDay() {
        byte[] secret = {1, 2, 3};
        org.govkiosk.testkit.MutableClock clock = new org.govkiosk.testkit.MutableClock(
                java.time.Instant.parse("2026-12-05T15:00:00Z"));
        var keys = org.govkiosk.app.journey.SubmissionKeys.keyed(secret, clock, java.time.ZoneId.of("Asia/Shanghai"));
        String key = keys.forApplication(JourneyRig.ID_NUMBER, "A");
        assertThat(key).startsWith("case-").hasSizeLessThanOrEqualTo(100).doesNotContain(JourneyRig.ID_NUMBER)
                .isEqualTo(keys.forApplication(JourneyRig.ID_NUMBER, "A"));
        assertThat(keys.forApplication(JourneyRig.ID_NUMBER, "B")).isNotEqualTo(key);
        assertThat(org.govkiosk.app.journey.SubmissionKeys.keyed(new byte[] {9}, clock,
                java.time.ZoneId.of("Asia/Shanghai")).forApplication(JourneyRig.ID_NUMBER, "A")).isNotEqualTo(key);
        clock.advance(java.time.Duration.ofHours(9)); // 00:00 in Beijing: the next day
        assertThat(keys.forApplication(JourneyRig.ID_NUMBER, "A")).isNotEqualTo(key);
    }

    /** Identifies with the card, fills the form, declares the materials and taps 确认提交. */
    private void identifyApplyAndSubmit() {
        session.identityProperty().set(JourneyRig.card());
        model.start(item);
        fillTheRest();
        assertThat(model.formNext()).isTrue();
        assertThat(model.materialsNext()).isTrue();
        model.submit(() -> { });
    }
}
