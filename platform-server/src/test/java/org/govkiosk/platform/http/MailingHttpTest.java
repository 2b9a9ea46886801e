package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.MailingAddress;
import org.govkiosk.api.MailingState;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.sms.OutboxSmsGateway;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * 证照特快专递 over HTTP: a case whose citizen chose mail carries the (masked) address and a mailing state; a clerk
 * sets it mailed with the tracking number once the case is decided, which tells the citizen by SMS once, then
 * delivered; the address is checked and bounded, masked in the view and the log, and a case without it has the
 * same body (and hash) as before mailing existed.
 */
class MailingHttpTest extends RunningPlatform {

    static final MailingAddress ADDRESS = new MailingAddress("广东省", "示例市", "示例区", "人民路88号3栋502室",
            "13912345678");

    private String mailedCase(String key) throws Exception {
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, Fixtures.submission(terminal.id, key).withMailTo(ADDRESS));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestTerminal.read(r, CaseReceipt.class).caseNumber();
    }

    private CaseView view(String number) throws Exception {
        return TestTerminal.read(terminal.get(ApiPaths.caseByNumber(number)), CaseView.class);
    }

    private HttpResponse<String> mailing(String number, String json) throws Exception {
        return clerk("POST", ApiPaths.clerkCaseMailing(number), json);
    }

    private void move(String number, String to) throws Exception {
        assertThat(clerk("POST", ApiPaths.clerkCaseTransitions(number), "{\"to\":\"" + to + "\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aMailedResultIsWaitingThenMailedWithItsTrackingNumberAndTheCitizenIsToldOnce() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger("org.govkiosk")).addAppender(logs);
        try {
            String n = mailedCase("m1");
            HttpResponse<String> raw = terminal.get(ApiPaths.caseByNumber(n));
            assertThat(raw.body()).doesNotContain("人民路88号", "13912345678");
            CaseView filed = view(n);
            assertThat(filed.mailing().state()).isEqualTo(MailingState.WAITING);
            assertThat(filed.mailing().addressMasked()).isEqualTo("广东省示例市示例区**** 139****5678");
            assertThat(filed.mailing().trackingNumber()).isNull();

            String mailed = "{\"state\":\"MAILED\",\"carrier\":\"中国邮政EMS\",\"trackingNumber\":\"EMS1234567890CN\","
                    + "\"clerk\":\"出证窗口 王五\"}";
            assertThat(mailing(n, mailed).statusCode()).as("not decided yet").isEqualTo(409);
            move(n, "ACCEPTED");
            move(n, "IN_REVIEW");
            move(n, "COMPLETED");
            assertThat(mailing(n, "{\"state\":\"MAILED\",\"carrier\":\"EMS\",\"trackingNumber\":\"有问题\","
                    + "\"clerk\":\"王五\"}").statusCode()).isEqualTo(400);
            assertThat(mailing(n, "{\"state\":\"DELIVERED\",\"clerk\":\"王五\"}").statusCode())
                    .as("delivered before mailed").isEqualTo(409);
            HttpResponse<String> sent = mailing(n, mailed);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            CaseView v = TestTerminal.read(sent, CaseView.class);
            assertThat(v.mailing().state()).isEqualTo(MailingState.MAILED);
            assertThat(v.mailing().carrier()).isEqualTo("中国邮政EMS");
            assertThat(v.mailing().trackingNumber()).isEqualTo("EMS1234567890CN");
            assertThat(mailing(n, mailed).statusCode()).as("the same again stands").isEqualTo(200);
            assertThat(mailing(n, mailed.replace("EMS1234567890CN", "EMS9999999999CN")).statusCode())
                    .as("another tracking number for the same mailing").isEqualTo(409);

            server.runCaseNotices();
            server.runCaseNotices();
            assertThat(server.ratings().sms().rows()).filteredOn(r -> r.dedupeKey().equals("case-notice:" + n
                    + ":MAILED")).singleElement().satisfies(r -> assertThat(r.text()).contains(n, "已邮寄")
                    .doesNotContain("人民路", "张三丰"));

            assertThat(mailing(n, "{\"state\":\"DELIVERED\",\"clerk\":\"王五\"}").statusCode()).isEqualTo(200);
            assertThat(view(n).mailing().state()).isEqualTo(MailingState.DELIVERED);
            assertThat(view(n).mailing().trackingNumber()).isEqualTo("EMS1234567890CN");
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(m -> m.contains("人民路") || m.contains("13912345678"));
        } finally {
            ((Logger) LoggerFactory.getLogger("org.govkiosk")).detachAppender(logs);
        }
    }

    @Test
    void aCaseNotMailedHasNoMailingAndTheSameBodyAsBefore() throws Exception {
        CaseSubmission plain = Fixtures.submission(terminal.id, "m2");
        assertThat(TestTerminal.JSON.writeValueAsString(plain)).doesNotContain("mailTo");
        String withAddress = TestTerminal.JSON.writeValueAsString(plain.withMailTo(ADDRESS));
        assertThat(withAddress).contains("\"mailTo\":{\"province\":\"广东省\"");
        assertThat(TestTerminal.JSON.writeValueAsString(plain.withMailTo(ADDRESS).withMailTo(null)))
                .isEqualTo(TestTerminal.JSON.writeValueAsString(plain));
        String n = fileCase("m3");
        assertThat(view(n).mailing()).isNull();
        assertThat(mailing(n, "{\"state\":\"DELIVERED\",\"clerk\":\"王五\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void anAddressIsCheckedAndBoundedAndNeverPrintedWhole() throws Exception {
        assertThat(ADDRESS.toString()).doesNotContain("人民路", "13912345678");
        assertThatThrownBy(() -> new MailingAddress("广东省", "示例市", "示例区", "路".repeat(121), "13912345678"))
                .hasMessageContaining("mailTo.street");
        assertThatThrownBy(() -> new MailingAddress("广东省", "示例市", " ", "人民路1号", "13912345678"))
                .hasMessageContaining("mailTo.district");
        assertThatThrownBy(() -> new MailingAddress("广东省", "示例市", "示例区", "人民路1号", "12345"))
                .hasMessageContaining("mailTo.phone");
        assertThat(new MailingAddress("北京市", "北京市", "东城区", "东长安街1号", "010-12345678").phone())
                .isEqualTo("010-12345678");

        String body = TestTerminal.JSON.writeValueAsString(Fixtures.submission(terminal.id, "m4").withMailTo(ADDRESS))
                .replace("13912345678", "139123");
        HttpResponse<String> bad = terminal.send("POST", ApiPaths.CASES, body.getBytes(StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.error(bad).message()).contains("mailTo.phone").doesNotContain("139123");
        assertThat(server.ratings().sms().rows()).extracting(OutboxSmsGateway.Row::dedupeKey)
                .noneMatch(k -> k.contains("MAILED"));
    }
}
