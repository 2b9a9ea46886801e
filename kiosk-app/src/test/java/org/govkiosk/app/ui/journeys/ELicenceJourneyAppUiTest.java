package org.govkiosk.app.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.IssuedLicenceCode;
import org.govkiosk.api.LicenceIssue;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 扫码亮证 in the real terminal: a citizen without an ID card shows an e-licence QR code at the scanner; a forged
 * code is refused on screen, a valid one identifies them (name and ID locked on the form) and the case reaches the
 * platform under the licence holder's ID; with the platform down the screen says so and points to the card.
 */
class ELicenceJourneyAppUiTest {

    @RegisterExtension
    final PlatformAndTerminal env = PlatformAndTerminal.standard();

    private static final String HOLDER_ID = "11010519491231002X";

    private RealPlatform platform;
    private TerminalRig rig;

    @BeforeEach
    void start() {
        platform = env.platform();
        rig = env.rig();
    }

    /** The code the e-social-security-card app on the citizen's phone shows. */
    private String phoneShowsELicence() throws Exception {
        HttpResponse<String> r = platform.clerk("POST", ApiPaths.CLERK_LICENCES, "application/json",
                ApiJson.lenient().writeValueAsBytes(new LicenceIssue("E_SOCIAL_SECURITY_CARD", "E33010012345",
                        "王秀英", HOLDER_ID, "浙江省人力资源和社会保障厅", LocalDate.now().plusYears(5), 600)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiJson.lenient().readValue(r.body(), IssuedLicenceCode.class).code();
    }

    private void scan(String code) {
        assertThat(rig.simulator("qr-1", "scan " + code)).startsWith("ok");
    }

    @Test
    void applyWithAnELicenceAloneAndFindTheCaseWithItNextTime() throws Exception {
        String code = phoneShowsELicence();
        rig.robot().clickOn("#start");
        rig.robot().clickOn("#tile-identify");

        scan("GKEL1:AAAAforgedAAAAforgedAAAAforged");
        TerminalRig.waitFor(15, () -> rig.text("#identify-message").startsWith("无法识别该电子证照二维码"));
        assertThat(rig.text("#identify-name")).isEmpty();

        scan(code);
        TerminalRig.waitFor(15, () -> rig.text("#identify-message").equals("电子证照已核验，身份已确认"));
        assertThat(rig.text("#identify-name")).isEqualTo("王秀英");
        assertThat(rig.text("#identify-id")).isEqualTo("110***********002X");
        assertThat(rig.text("#identify-code")).doesNotContain(code.substring(6));
        rig.robot().clickOn("#identify-phone").write(TerminalRig.PHONE);
        rig.robot().clickOn("#identify-next");
        assertThat(rig.screen()).isEqualTo(ScreenId.HOME);

        rig.fillThePensionForm();
        rig.robot().clickOn("#materials-back");
        assertThat(rig.robot().lookup("#field-name").queryLabeled().getText()).isEqualTo("姓名：王**");
        assertThat((Object) rig.robot().lookup("#field-name").query()).as("off the licence like a card's, not an input")
                .isNotInstanceOf(javafx.scene.control.TextInputControl.class);
        rig.robot().clickOn("#apply-next");
        rig.submit();
        assertThat(rig.text("#result-headline")).isEqualTo("申报成功，办理部门已收到您的申请");
        String number = rig.text("#result-number").substring("办件编号：".length());
        assertThat(rig.simulator("receipt-1", "last")).contains("受理回执", number).doesNotContain(HOLDER_ID);

        // What reached the platform: the case, under the licence holder's ID number.
        HttpResponse<String> mine = platform.clerk("GET", ApiPaths.CLERK_CASES, null, null);
        assertThat(mine.body()).contains(number);
        var client = rig.app().context().platformLink().connectingClient();
        var found = client.searchCases(new org.govkiosk.api.CaseSearch(org.govkiosk.api.IdType.RESIDENT_ID,
                HOLDER_ID));
        assertThat(found.cases()).extracting(org.govkiosk.api.CaseView::caseNumber).containsExactly(number);

        // Next visit, the licence again: 办件查询 finds the case by the holder, as it would by the ID card.
        rig.robot().clickOn("#finish");
        TerminalRig.waitFor(10, () -> rig.screen() == ScreenId.ATTRACT);
        rig.robot().clickOn("#start");
        rig.robot().clickOn("#tile-identify");
        scan(code);
        TerminalRig.waitFor(15, () -> rig.text("#identify-message").equals("电子证照已核验，身份已确认"));
        rig.robot().clickOn("#identify-phone").write(TerminalRig.PHONE);
        rig.robot().clickOn("#identify-next");
        rig.robot().clickOn("#tile-query");
        TerminalRig.waitFor(10, () -> !rig.robot().lookup("#progress-by-card").queryButton().isDisabled());
        rig.robot().clickOn("#progress-by-card");
        TerminalRig.waitFor(20, () -> rig.robot().lookup("#progress-state-" + number).tryQuery().isPresent());
        assertThat(rig.text("#progress-state-" + number)).startsWith("办理状态：");
    }

    @Test
    void withThePlatformDownTheScreenSaysSoAndOffersTheCard() throws Exception {
        String code = phoneShowsELicence();
        rig.robot().clickOn("#start");
        rig.robot().clickOn("#tile-identify");
        platform.stop();
        scan(code);
        TerminalRig.waitFor(30, () -> rig.text("#identify-message").startsWith("暂时无法连接平台核验电子证照"));
        assertThat(rig.text("#identify-message")).contains("身份证");
        assertThat(rig.text("#identify-name")).isEmpty();
        TerminalRig.waitFor(15, () -> rig.text("#method-state-id-card-reader").equals("可以使用"));
    }
}
