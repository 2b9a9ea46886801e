package org.govkiosk.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.govkiosk.platform.store.Database;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * SMS to an SMSC over SMPP 3.4, against a stand-in SMSC on loopback speaking the protocol (jsmpp's server side):
 * Chinese texts arrive as UCS-2 and read back the same, a long text as concatenated parts a phone puts together,
 * the bind's account and password are checked, refusals the message cannot mend are given up while throttling and
 * an SMSC that went away are tried again, and through the outbox and relay nothing is lost or sent twice.
 */
class SmppSmsGatewayTest {

    private static final String PHONE = "13812345678";
    private static final String SOURCE = "106900001234";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-04-01T02:00:00Z"));
    private StandInSmsc smsc;
    private SmppSmsGateway gateway;
    private Database db;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void start() throws Exception {
        smsc = new StandInSmsc("govkiosk", "s3cret");
        gateway = gateway("s3cret");
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger("org.govkiosk.platform.sms")).addAppender(logs);
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger("org.govkiosk.platform.sms")).detachAppender(logs);
        gateway.close();
        smsc.close();
        if (db != null) {
            db.close();
        }
    }

    private SmppSmsGateway gateway(String password) {
        return SmppSmsGateway.of(settings(password));
    }

    private SmsSettings settings(String password) {
        return new SmsSettings(Optional.of(URI.create("smpp://127.0.0.1:" + smsc.port())), Optional.of(password),
                Duration.ofSeconds(3), Duration.ofSeconds(3), 5, Optional.of("govkiosk"), Optional.of(SOURCE));
    }

    private static SmsMessage message(String key, String text) {
        return new SmsMessage(key, PHONE, text, "case-accepted");
    }

    @Test
    void aChineseTextArrivesAsUcs2FromTheSenderNumberToTheNationalNumber() {
        String text = "【政务服务】您的办件 ZW20250401000123 已受理，请留意短信通知。";
        gateway.send(message("m1", text));

        assertThat(smsc.submits).hasSize(1);
        StandInSmsc.Submit s = smsc.submits.get(0);
        assertThat(s.dataCoding()).isEqualTo((byte) 0x08);
        assertThat(s.udhi()).isFalse();
        assertThat(new String(s.octets(), StandardCharsets.UTF_16BE)).isEqualTo(text);
        assertThat(s.destination()).isEqualTo(PHONE);
        assertThat(s.destTon()).isEqualTo((byte) 0x02); // national
        assertThat(s.destNpi()).isEqualTo((byte) 0x01); // ISDN (E.164)
        assertThat(s.source()).isEqualTo(SOURCE);

        gateway.send(new SmsMessage("m2", "+86 138-1234-5678", "【政务服务】已办结。", "case-completed"));
        assertThat(smsc.submits.get(1).destination()).isEqualTo("8613812345678");
        assertThat(smsc.submits.get(1).destTon()).isEqualTo((byte) 0x01); // international
        assertThat(smsc.binds.get()).as("one session for both").isEqualTo(1);
    }

    @Test
    void aLongTextGoesAsConcatenatedPartsThatReadBackWhole() {
        // 150 characters with one outside the BMP (a surrogate pair) where a careless split would cut it.
        StringBuilder b = new StringBuilder("【政务服务】");
        while (b.length() < SmppSmsGateway.PART - 1) {
            b.append('办');
        }
        b.append("𠀀"); // code units 66 and 67: the first part (0..66) must not end between them
        while (b.length() < 150) {
            b.append('证');
        }
        String text = b.toString();
        gateway.send(message("long-1", text));

        List<StandInSmsc.Submit> parts = smsc.submits;
        assertThat(parts).hasSize(3).allMatch(StandInSmsc.Submit::udhi);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        int reference = -1;
        for (int i = 0; i < parts.size(); i++) {
            byte[] o = parts.get(i).octets();
            assertThat(o.length).isLessThanOrEqualTo(140);
            assertThat(new byte[] {o[0], o[1], o[2]}).containsExactly(5, 0, 3);
            if (reference < 0) {
                reference = o[3] & 0xff;
            }
            assertThat(o[3] & 0xff).as("one reference for all parts").isEqualTo(reference);
            assertThat(o[4]).isEqualTo((byte) 3);
            assertThat(o[5]).isEqualTo((byte) (i + 1));
            String piece = new String(o, 6, o.length - 6, StandardCharsets.UTF_16BE);
            assertThat(Character.isHighSurrogate(piece.charAt(piece.length() - 1))).isFalse();
            whole.write(o, 6, o.length - 6);
        }
        assertThat(whole.toString(StandardCharsets.UTF_16BE)).isEqualTo(text);

        smsc.submits.clear();
        gateway.send(message("long-1", text));
        assertThat(smsc.submits.get(0).octets()[3] & 0xff).as("a resent message keeps its reference")
                .isEqualTo(reference);
    }

    @Test
    void aWrongPasswordIsSaidPlainlyRetriedLaterAndNeverLogged() {
        try (SmppSmsGateway wrong = gateway("nope")) {
            assertThatThrownBy(() -> wrong.send(message("m1", "【政务服务】测试")))
                    .isInstanceOfSatisfying(SmsException.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage()).contains("invalid password (0x0E)").contains("govkiosk")
                                .doesNotContain("nope");
                    });
        }
        assertThat(smsc.submits).isEmpty();
        assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains("nope"));
    }

    @Test
    void throttlingIsTriedAgainAndABadNumberIsGivenUp() {
        smsc.refuseNext.set(1);
        smsc.refuseWith = 0x58;
        assertThatThrownBy(() -> gateway.send(message("m1", "【政务服务】测试")))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("throttled (0x58)");
                });
        gateway.send(message("m1", "【政务服务】测试"));
        assertThat(smsc.submits).hasSize(1);

        smsc.refuseNext.set(1);
        smsc.refuseWith = 0x0B;
        assertThatThrownBy(() -> gateway.send(message("m2", "【政务服务】测试")))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("invalid destination address (0x0B)");
                });
    }

    @Test
    void throughTheOutboxAMessageWaitsForAnSmscThatWentAwayAndIsSentOnceItIsBack() throws Exception {
        db = Database.open("jdbc:h2:mem:smpp-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
        OutboxSmsGateway outbox = new OutboxSmsGateway(db, clock);
        SmsRelay relay = new SmsRelay(outbox, SmsGateway.of(settings("s3cret")), 5);
        outbox.send(message("n1", "【政务服务】您的办件已受理。"));
        assertThat(relay.runOnce()).isEqualTo(1);
        assertThat(smsc.submits).hasSize(1);

        smsc.stop();
        outbox.send(message("n2", "【政务服务】您的办件已办结。"));
        assertThat(relay.runOnce()).isZero();
        OutboxSmsGateway.Row waiting = outbox.rows().stream().filter(r -> r.dedupeKey().equals("n2")).findFirst()
                .orElseThrow();
        assertThat(waiting.state()).isEqualTo("PENDING");
        assertThat(waiting.attempts()).isEqualTo(1);

        smsc.start();
        assertThat(relay.runOnce()).isEqualTo(1);
        assertThat(relay.runOnce()).isZero();
        assertThat(smsc.submits).hasSize(2);
        assertThat(new String(smsc.submits.get(1).octets(), StandardCharsets.UTF_16BE)).contains("已办结");
        assertThat(outbox.rows()).allMatch(r -> r.state().equals("SENT"));
        relay.close();
        assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains(PHONE));
    }

    @Test
    void plainSmppToTheInternetAndAnIncompleteAccountAreRefusedAtStart() {
        assertThatThrownBy(() -> new SmsSettings(Optional.of(URI.create("smpp://smsc.example.com:2775")),
                Optional.of("pw"), Duration.ofSeconds(3), Duration.ofSeconds(3), 5, Optional.of("govkiosk"),
                Optional.of(SOURCE))).hasMessageContaining("smpps://");
        assertThat(new SmsSettings(Optional.of(URI.create("smpp://10.20.30.40:2775")), Optional.of("pw"),
                Duration.ofSeconds(3), Duration.ofSeconds(3), 5, Optional.of("govkiosk"), Optional.of(SOURCE)).smpp())
                .isTrue();
        assertThat(new SmsSettings(Optional.of(URI.create("smpps://smsc.example.com:3550")), Optional.of("pw"),
                Duration.ofSeconds(3), Duration.ofSeconds(3), 5, Optional.of("govkiosk"), Optional.of(SOURCE)).smpp())
                .isTrue();
        assertThatThrownBy(() -> new SmsSettings(Optional.of(URI.create("smpps://smsc.example.com:3550")),
                Optional.of("pw"), Duration.ofSeconds(3), Duration.ofSeconds(3), 5, Optional.empty(),
                Optional.of(SOURCE))).hasMessageContaining("sms-system-id");
        assertThatThrownBy(() -> new SmsSettings(Optional.of(URI.create("smpps://smsc.example.com:3550")),
                Optional.of("far-too-long-password"), Duration.ofSeconds(3), Duration.ofSeconds(3), 5,
                Optional.of("govkiosk"), Optional.of(SOURCE))).hasMessageContaining("1 to 8");
        assertThatThrownBy(() -> new SmsSettings(Optional.of(URI.create("smpps://smsc.example.com")),
                Optional.of("pw"), Duration.ofSeconds(3), Duration.ofSeconds(3), 5, Optional.of("govkiosk"),
                Optional.of(SOURCE))).hasMessageContaining("HOST:PORT");
    }
}
