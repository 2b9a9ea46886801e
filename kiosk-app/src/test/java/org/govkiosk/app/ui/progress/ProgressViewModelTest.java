package org.govkiosk.app.ui.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.govkiosk.api.CaseState;
import org.govkiosk.app.journey.Applications;
import org.govkiosk.app.journey.CaseNumbers;
import org.govkiosk.app.journey.JourneyRig;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.session.LicenceIdentity;
import org.govkiosk.device.DeviceEventBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress query's ViewModel over the embedded platform-server; queries run inline. */
class ProgressViewModelTest {

    @TempDir
    Path dir;

    private JourneyRig rig;
    private final CitizenSession session = new CitizenSession();
    private ProgressViewModel model;
    private String number;

    @BeforeEach
    void start() throws Exception {
        rig = JourneyRig.start(dir);
        model = new ProgressViewModel(rig.progress(), new CaseNumbers(JourneyRig.QUERY_URL), session,
                new DeviceEventBus(), List.of(), Runnable::run, Runnable::run);
        number = rig.applications().submit(Applications.request(rig.item(Applications::promisedWithDeferrable),
                Applications::complete, false)).caseNumber().orElseThrow();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void aNumberTypedOnTheKeypadShowsTheStateAndTheSupplementRequest() throws Exception {
        rig.clerkMoves(number, CaseState.NEEDS_SUPPLEMENT, "请补交社会保障卡原件");
        for (char c : ("x" + number.toLowerCase()).toCharArray()) {
            model.key(c);
        }
        model.backspace();
        model.key(number.toLowerCase().charAt(number.length() - 1));
        assertThat(model.typedProperty().get()).isEqualTo("X" + number);
        model.queryTyped();
        assertThat(model.messageKeyProperty().get()).isEqualTo("progress.not-found");

        model.clearTyped();
        number.chars().forEach(c -> model.key((char) c));
        model.queryTyped();
        assertThat(model.results()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
            assertThat(c.supplementRequest()).contains("请补交社会保障卡原件");
        });
        assertThat(model.canPrintCertificate().get()).isFalse();
        assertThat(model.canRate().get()).as("not finished: nothing to rate yet").isFalse();
    }

    @Test
    void aScannedReceiptIsQueriedOnlyWhileTheScreenShowsAndAForeignCodeIsExplained() {
        model.scanned(JourneyRig.QUERY_URL + number);
        assertThat(model.results()).as("not shown: scans are not for this screen").isEmpty();

        model.shown();
        model.scanned("EL-SOCIAL-20261122-77AF;sig=x://");
        assertThat(model.messageKeyProperty().get()).isEqualTo("progress.not-a-receipt");
        model.scanned(JourneyRig.QUERY_URL + number);
        assertThat(model.selectedProperty().get().caseNumber()).isEqualTo(number);
        assertThat(model.messageKeyProperty().get()).isEmpty();
    }

    @Test
    void theIdCardFindsTheCasesAndAFinishedOnesCertificateIsPrinted() throws Exception {
        assertThat(model.canQueryByCard().get()).isFalse();
        session.identityProperty().set(JourneyRig.card());
        assertThat(model.canQueryByCard().get()).isTrue();
        byte[] pdf = "%PDF-1.7\n% 证明\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        rig.clerkFinishes(number, pdf);

        model.queryByCard();
        assertThat(model.results()).extracting(c -> c.caseNumber()).containsExactly(number);
        assertThat(model.canPrintCertificate().get()).isTrue();
        assertThat(model.canRate().get()).as("a finished case may be rated here").isTrue();
        assertThat(model.selectedProperty().get().itemCode()).isNotBlank();
        model.printCertificate();
        assertThat(model.certificateStatusKeyProperty().get()).isEqualTo("journey.certificate.printed");
        assertThat(rig.a4.jobs).singleElement().satisfies(j -> assertThat(j.data()).isEqualTo(pdf));

        model.clearSessionData();
        assertThat(model.results()).isEmpty();
        assertThat(model.selectedProperty().get()).isNull();
    }

    @Test
    void anELicenceShownAtTheScannerFindsTheCasesLikeTheCard() {
        assertThat(model.canQueryByCard().get()).isFalse();
        session.licenceProperty().set(new LicenceIdentity("E_SOCIAL_SECURITY_CARD", "示例市人力资源和社会保障局",
                "张三丰", JourneyRig.ID_NUMBER));
        assertThat(model.canQueryByCard().get()).as("扫码亮证 identifies for the query too").isTrue();

        model.queryByCard();
        assertThat(model.results()).extracting(c -> c.caseNumber()).containsExactly(number);

        session.clearSessionData();
        assertThat(model.canQueryByCard().get()).isFalse();
    }

    @Test
    void aDownPlatformIsSaidPlainly() {
        rig.platform.stop();
        number.chars().forEach(c -> model.key((char) c));
        model.queryTyped();
        assertThat(model.messageKeyProperty().get()).isEqualTo("progress.unavailable");
        assertThat(model.results()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aReceiptAloneAsksForTheHolderAndAnotherPersonIsRefused() throws Exception {
        byte[] pdf = "%PDF-1.7\n% 证明\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        rig.clerkFinishes(number, pdf);
        model.shown();
        model.scanned(JourneyRig.QUERY_URL + number);
        assertThat(model.canPrintCertificate().get()).isTrue();
        assertThat(model.needsIdentification().get()).as("nobody identified: 核验身份 offered").isTrue();

        model.printCertificate();
        assertThat(model.certificateStatusKeyProperty().get()).isEqualTo("progress.certificate.identify-first");
        assertThat(rig.a4.jobs).isEmpty();

        // Someone else identifies (an e-licence of another person): refused by the platform, nothing printed.
        session.licenceProperty().set(new LicenceIdentity("E_SOCIAL_SECURITY_CARD",
                "示例市人力资源和社会保障局", "李四", "110101199003074514"));
        assertThat(model.needsIdentification().get()).isFalse();
        model.printCertificate();
        assertThat(model.certificateStatusKeyProperty().get()).isEqualTo("journey.certificate.not-the-holder");
        assertThat(rig.a4.jobs).isEmpty();
    }

    @Test
    void aRefusedCaseOffersItsNonAcceptanceNoticeAndPrintsItAgainWhenAsked() throws Exception {
        rig.clerkRefuses(number, "所申请事项依法不属于本机关职权范围", new org.govkiosk.api.NonAcceptance("示例市人力资源和社会保障局",
                "《中华人民共和国行政许可法》第三十二条", "示例市人民政府", "示例市西湖区人民法院", null));
        model.shown();
        model.scanned(JourneyRig.QUERY_URL + number);
        assertThat(model.selectedProperty().get().state()).isEqualTo(CaseState.NOT_ACCEPTED);
        assertThat(model.canPrintCertificate().get()).isFalse();
        assertThat(model.canPrintRefusalNotice().get()).isTrue();

        model.printRefusalNotice();
        assertThat(model.certificateStatusKeyProperty().get()).isEqualTo("progress.refusal.printed");
        model.printRefusalNotice();
        assertThat(rig.a4.jobs).hasSize(2);
    }

    @Test
    void aReturnedCaseOffersItsReturnNoticeAndNothingElse() throws Exception {
        rig.clerkReturns(number, new org.govkiosk.api.CaseReturn("示例市人力资源和社会保障局", "工号0127",
                java.util.List.of("解除劳动合同证明未加盖单位公章"), null));
        model.shown();
        model.scanned(JourneyRig.QUERY_URL + number);
        assertThat(model.selectedProperty().get().state()).isEqualTo(CaseState.RETURNED);
        assertThat(model.canPrintReturnNotice().get()).isTrue();
        assertThat(model.canPrintRefusalNotice().get()).isFalse();
        assertThat(model.canPrintCertificate().get()).isFalse();

        model.printReturnNotice();
        assertThat(model.certificateStatusKeyProperty().get()).isEqualTo("progress.return.printed");
        model.printReturnNotice();
        assertThat(rig.a4.jobs).hasSize(2);
    }
}
