package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.DeviceState;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.api.HeartbeatReceipt;
import org.govkiosk.api.IssuedLicenceCode;
import org.govkiosk.api.LicenceIssue;
import org.govkiosk.api.LicenceVerification;
import org.govkiosk.api.LicenceVerificationRequest;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.TerminalStatus;
import org.govkiosk.api.TerminalStatusList;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/** Ratings, e-licence codes and heartbeats over real HTTP. */
class RatingLicenceHeartbeatHttpTest extends RunningPlatform {

    @Test
    void ratingIsStoredOncePerContact() throws Exception {
        String n1 = fileCase("c1");
        HttpResponse<String> first = terminal.post(ApiPaths.RATINGS, Fixtures.rating("T-001", "r1", n1, "1", 5));
        assertThat(first.statusCode()).isEqualTo(201);
        HttpResponse<String> resend = terminal.post(ApiPaths.RATINGS, Fixtures.rating("T-001", "r1", n1, "1", 5));
        assertThat(resend.statusCode()).isEqualTo(200);
        assertThat(TestTerminal.read(resend, RatingReceipt.class).ratingId())
                .isEqualTo(TestTerminal.read(first, RatingReceipt.class).ratingId());
        HttpResponse<String> again = terminal.post(ApiPaths.RATINGS, Fixtures.rating("T-001", "r2", n1, "1", 1));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(TestTerminal.error(again).code()).isEqualTo(ErrorCodes.ALREADY_RATED);
        assertThat(terminal.post(ApiPaths.RATINGS, Fixtures.rating("T-001", "r3", n1, "2", 1)).statusCode())
                .isEqualTo(201);
    }

    @Test
    void badRatingWithoutReasonIsRefused() throws Exception {
        String json = TestTerminal.JSON.writeValueAsString(Fixtures.rating("T-001", "r1", "N1", "1", 5))
                .replace("\"level\":5", "\"level\":1");
        HttpResponse<String> r = terminal.send("POST", ApiPaths.RATINGS, json.getBytes());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.error(r).message()).contains("needs badReasons or a comment");
    }

    @Test
    void licenceCodeVerifiesWhileFresh() throws Exception {
        HttpResponse<String> issued = clerk("POST", ApiPaths.CLERK_LICENCES, TestTerminal.JSON.writeValueAsString(
                new LicenceIssue("E_SOCIAL_SECURITY_CARD", "A12345678", "张三丰", Fixtures.ID_NUMBER, "省人社厅",
                        LocalDate.of(2030, 1, 1), 60)));
        assertThat(issued.statusCode()).isEqualTo(201);
        String code = TestTerminal.read(issued, IssuedLicenceCode.class).code();
        LicenceVerification ok = TestTerminal.read(terminal.post(ApiPaths.LICENCE_VERIFICATIONS,
                new LicenceVerificationRequest(code, "ITEM-001", Fixtures.ID_NUMBER)), LicenceVerification.class);
        assertThat(ok.valid()).isTrue();
        assertThat(ok.holderMatches()).isTrue();
        assertThat(ok.licenceType()).isEqualTo("E_SOCIAL_SECURITY_CARD");
        assertThat(ok.holder()).as("a licence used as a material does not reveal its holder").isNull();
        LicenceVerification identified = TestTerminal.read(terminal.post(ApiPaths.LICENCE_VERIFICATIONS,
                LicenceVerificationRequest.identify(code)), LicenceVerification.class);
        assertThat(identified.holder().name()).isEqualTo("张三丰");
        assertThat(identified.holder().idNumber()).isEqualTo(Fixtures.ID_NUMBER);
        assertThat(identified.holder().toString()).doesNotContain(Fixtures.ID_NUMBER);
        clock.advance(Duration.ofSeconds(61));
        LicenceVerification expired = TestTerminal.read(terminal.post(ApiPaths.LICENCE_VERIFICATIONS,
                new LicenceVerificationRequest(code, null, null)), LicenceVerification.class);
        assertThat(expired.valid()).isFalse();
        assertThat(expired.reason()).isEqualTo(LicenceVerification.CODE_EXPIRED);
        assertThat(TestTerminal.read(terminal.post(ApiPaths.LICENCE_VERIFICATIONS,
                LicenceVerificationRequest.identify(code)), LicenceVerification.class).holder())
                .as("an expired code identifies nobody").isNull();
        HttpResponse<String> unknown = terminal.post(ApiPaths.LICENCE_VERIFICATIONS,
                new LicenceVerificationRequest("random text from a QR code", null, null));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(TestTerminal.read(unknown, LicenceVerification.class).reason())
                .isEqualTo(LicenceVerification.UNKNOWN_CODE);
    }

    @Test
    void heartbeatIsStoredAndShownToTheHall() throws Exception {
        HttpResponse<String> r = terminal.post(ApiPaths.HEARTBEATS, new Heartbeat("T-001", clock.instant(), "1.2.0",
                4, List.of(new DeviceState("receipt-printer", "RECEIPT_PRINTER", "DEGRADED", "PAPER_NEAR_END"),
                        new DeviceState("id-reader", "ID_CARD_READER", "ONLINE", null))));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(TestTerminal.read(r, HeartbeatReceipt.class).receivedAt()).isEqualTo(clock.instant());
        TerminalStatusList list = TestTerminal.read(clerk("GET", ApiPaths.CLERK_TERMINALS, null),
                TerminalStatusList.class);
        TerminalStatus status = list.terminals().get(0);
        assertThat(status.terminalId()).isEqualTo("T-001");
        assertThat(status.softwareVersion()).isEqualTo("1.2.0");
        assertThat(status.outboxPending()).isEqualTo(4);
        assertThat(status.devices()).extracting(DeviceState::detail).containsExactly(null, "PAPER_NEAR_END");
    }
}
