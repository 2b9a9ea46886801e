package org.govkiosk.app.ui.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.IssuedLicenceCode;
import org.govkiosk.api.LicenceIssue;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.testkit.MutableClock;
import org.govkiosk.app.catalog.Prefill;
import org.govkiosk.app.journey.ApplicantIdentity;
import org.govkiosk.app.platform.HttpPlatformClient;
import org.govkiosk.app.platform.PlatformClientConfig;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.session.LicenceIdentification;
import org.govkiosk.app.ui.DeviceStatusBoard;
import org.govkiosk.device.DeviceEventBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 扫码亮证 at the identify screen against the reference platform on loopback: the clerk endpoint issues codes as the
 * issuing app on a phone would, the ViewModel verifies what the scanner read.
 */
class IdentifyByLicenceViewModelTest {

    private static final String ID = "11010519491231002X";
    private static final String RECEIPT_URL = "https://zwfw.example.gov.cn/progress?c=";

    @TempDir
    static Path dir;
    /** The platform's time, moved by the test: a code's lifetime runs out when the test says so. */
    private static final MutableClock platformTime = new MutableClock(Instant.now());
    private static RealPlatform platform;
    private static HttpPlatformClient client;

    /** Background work held until the test runs it, so a late answer can be provoked. */
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Executor direct = Runnable::run;
    private CitizenSession session;
    private IdentifyViewModel model;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = RealPlatform.http(dir, platformTime);
        KeyPair keys = TerminalKeys.generate();
        client = new HttpPlatformClient(new PlatformClientConfig(platform.baseUri(), Set.of(), Duration.ofSeconds(2),
                Duration.ofSeconds(10), 64 * 1024, 1 << 20), new RequestSigner("T-LIC", keys.getPrivate(),
                        Clock.systemUTC()));
        platform.register(client, "T-LIC", keys.getPublic());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @BeforeEach
    void identifyScreen() {
        session = new CitizenSession();
        model = new IdentifyViewModel(session, new DeviceEventBus(), List.of(), List.of(), List.of(),
                new DeviceStatusBoard(List.of(), new DeviceEventBus()), Clock.systemUTC(),
                new IdentifyViewModel.Licences(new LicenceIdentification(client), c -> c.startsWith(RECEIPT_URL),
                        background::add, direct));
        model.shown();
    }

    private static String issue(String type, String holder, String idNumber, LocalDate validUntil, int ttl)
            throws Exception {
        HttpResponse<String> r = platform.clerk("POST", ApiPaths.CLERK_LICENCES, "application/json",
                ApiJson.lenient().writeValueAsBytes(new LicenceIssue(type, "L-" + System.nanoTime(), holder, idNumber,
                        "省人社厅", validUntil, ttl)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiJson.lenient().readValue(r.body(), IssuedLicenceCode.class).code();
    }

    private void scan(String code) {
        model.acceptCode(code);
        runBackground();
    }

    private void runBackground() {
        for (Runnable r; (r = background.poll()) != null; ) {
            r.run();
        }
    }

    @Test
    void aValidELicenceIdentifiesTheCitizenWithLockedFields() throws Exception {
        String code = issue("E_SOCIAL_SECURITY_CARD", "王秀英", ID, LocalDate.now().plusYears(3), 300);
        model.acceptCode(code);
        assertThat(model.messageKeyProperty().get()).isEqualTo("identify.licence.checking");
        assertThat(model.confirm()).as("not before the platform answered").isFalse();
        runBackground();

        assertThat(model.messageKeyProperty().get()).isEqualTo("identify.licence.recognised");
        assertThat(model.nameProperty().get()).isEqualTo("王秀英");
        assertThat(model.maskedIdProperty().get()).isEqualTo("110***********002X");
        assertThat(model.scannedCodeProperty().get()).doesNotContain(code.substring(6));
        assertThat(session.licenceProperty().get().toString()).doesNotContain(ID).doesNotContain("王秀英");
        assertThat(session.scannedCodes()).as("a licence token is not kept").isEmpty();
        assertThat(model.confirm()).isTrue();

        ApplicantIdentity applicant = ApplicantIdentity.of(session.licenceProperty().get(), "13812345678");
        assertThat(applicant.idNumber()).isEqualTo(ID);
        assertThat(applicant.locks(Prefill.NAME)).isTrue();
        assertThat(applicant.locks(Prefill.ID_NUMBER)).isTrue();
        assertThat(applicant.prefill(Prefill.SEX)).contains("女");
        assertThat(applicant.prefill(Prefill.BIRTH_DATE)).contains("1949-12-31");

        model.clearSessionData();
        session.clearSessionData();
        assertThat(session.licenceProperty().get()).isNull();
        assertThat(model.nameProperty().get()).isEmpty();
    }

    @Test
    void forgedExpiredAndCompanyCodesAreRefusedWithTheReason() throws Exception {
        scan("GKEL1:forged-by-someone-" + System.nanoTime());
        assertThat(model.messageKeyProperty().get()).isEqualTo("identify.licence.unknown");

        scan(issue("E_SOCIAL_SECURITY_CARD", "王秀英", ID, LocalDate.now().minusDays(1), 300));
        assertThat(model.messageKeyProperty().get()).isEqualTo("identify.licence.expired");

        String shortLived = issue("E_SOCIAL_SECURITY_CARD", "王秀英", ID, null, 1);
        platformTime.advance(Duration.ofMillis(1_100));
        scan(shortLived);
        assertThat(model.messageKeyProperty().get()).isEqualTo("identify.licence.code-expired");

        scan(issue("BUSINESS_LICENCE", "示例市某某商贸有限公司", "91330100MA2B3C4D5E", null, 300));
        assertThat(model.messageKeyProperty().get()).isEqualTo("identify.licence.not-a-person");

        assertThat(session.licenceProperty().get()).isNull();
        assertThat(model.nameProperty().get()).isEmpty();
        assertThat(model.confirm()).isFalse();
        assertThat(model.messageKeyProperty().get()).isEqualTo("identify.nothing-yet");
    }

    @Test
    void aReceiptCodeIsNotSentToThePlatform() {
        model.acceptCode(RECEIPT_URL + "ABC123");
        assertThat(background).isEmpty();
        assertThat(model.messageKeyProperty().get()).isEqualTo("identify.code-read");
        assertThat(session.scannedCodes()).containsExactly(RECEIPT_URL + "ABC123");
    }

    @Test
    void anAnswerArrivingAfterTheSessionEndedIdentifiesNobody() throws Exception {
        String code = issue("E_SOCIAL_SECURITY_CARD", "王秀英", ID, null, 300);
        model.acceptCode(code);
        model.clearSessionData();
        session.clearSessionData();
        runBackground();
        assertThat(session.licenceProperty().get()).isNull();
        assertThat(model.nameProperty().get()).isEmpty();
        assertThat(model.messageKeyProperty().get()).isEmpty();
    }

    @Test
    void platformUnreachableSaysSoAndOffersTheCard() throws Exception {
        String code = issue("E_SOCIAL_SECURITY_CARD", "王秀英", ID, null, 300);
        platform.stop();
        try {
            scan(code);
            assertThat(model.messageKeyProperty().get()).isEqualTo("identify.licence.unavailable");
            assertThat(session.licenceProperty().get()).isNull();
            assertThat(model.checkingLicenceProperty().get()).isFalse();
        } finally {
            platform.restart();
        }
        scan(code);
        assertThat(model.messageKeyProperty().get()).as("the same code once the platform is back")
                .isEqualTo("identify.licence.recognised");
        assertThat(Optional.ofNullable(session.licenceProperty().get())).isPresent();
    }
}
