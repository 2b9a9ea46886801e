package org.govkiosk.platform.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.LedgerActionKind;
import org.govkiosk.api.RatingLedgerAction;
import org.govkiosk.api.RatingLedgerEntry;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.sms.SmsException;
import org.govkiosk.platform.sms.SmsGateway;
import org.govkiosk.platform.sms.SmsMessage;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.RatingStore;
import org.govkiosk.shared.calendar.WorkingCalendar;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outcome SMS is due with the closing, in its transaction: a gateway that fails (retryably) leaves it due, and
 * the ledger's next sync hands it over, once; a gateway that refuses for good is given up, not tried forever.
 */
class RatingLedgerSmsTest {

    private static final String CASE = "GK2025092500000000001";
    private static final String PHONE = "13800138000";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-09-25T02:00:00Z"));
    private final List<SmsMessage> sent = new ArrayList<>();
    private final List<SmsException> failures = new ArrayList<>();
    private Database db;
    private RatingLedger ledger;
    private String ratingId;

    @BeforeEach
    void open() throws Exception {
        db = Database.open("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cases (case_number, terminal_id,"
                    + " idempotency_key, body_sha256, local_case_id, item_code, item_name, kind, state, applicant_key,"
                    + " applicant_name_masked, submission, submitted_at, received_at, updated_at)"
                    + " VALUES (?, 'T-1', 'k', 'x', 'l', 'ITEM-001', '事项', 'PROMISED', 'COMPLETED', 'a', '张*', ?,"
                    + " 0, 0, 0)")) {
                ps.setString(1, CASE);
                ps.setString(2, "{\"applicant\":{\"phone\":\"" + PHONE + "\",\"idNumber\":\"11010519491231002X\"}}");
                ps.executeUpdate();
            }
            return null;
        });
        RatingSubmission bad = Fixtures.rating("T-1", "k1", CASE, "1", 1);
        ratingId = new RatingStore(db).submit(bad, "sha", ApiJson.strict().writeValueAsString(bad),
                clock.instant()).ratingId();
        SmsGateway gateway = m -> {
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            sent.add(m);
        };
        ledger = new RatingLedger(db, gateway, WorkingCalendar.load(Path.of("../config/calendar")), clock,
                ZoneId.of("Asia/Shanghai"), "政务服务");
        ledger.act(new RatingLedgerAction(ratingId, LedgerActionKind.CALL_BACK, "CLERK-9", null, null, null,
                "等候太久", null, null, null, null));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private RatingLedgerEntry closeEntry() {
        return ledger.act(new RatingLedgerAction(ratingId, LedgerActionKind.CLOSE, "CLERK-9", null, null, null,
                null, null, null, "增加引导员", "已整改"));
    }

    @Test
    void anOutcomeSmsTheGatewayCouldNotTakeIsHandedOverByTheNextSyncOnce() {
        failures.add(new SmsException("outbox busy", true, null));
        RatingLedgerEntry closed = closeEntry();
        assertThat(closed.outcomeSmsQueued()).isFalse();
        assertThat(sent).isEmpty();

        ledger.sync();
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.dedupeKey()).isEqualTo("rating-outcome:" + ratingId);
            assertThat(m.phone()).isEqualTo(PHONE);
            assertThat(m.text()).contains(CASE, "已整改").doesNotContain("11010519491231002X");
        });
        ledger.sync();
        assertThat(sent).as("due no more").hasSize(1);
        assertThat(ledger.list(false, 10)).singleElement().satisfies(e ->
                assertThat(e.outcomeSmsQueued()).isTrue());
    }

    @Test
    void anOutcomeSmsRefusedForGoodIsGivenUpNotTriedForever() {
        failures.add(new SmsException("number barred", false, null));
        assertThat(closeEntry().outcomeSmsQueued()).isFalse();
        ledger.sync();
        assertThat(sent).isEmpty();
        assertThat(ledger.deliverDueSms()).isZero();
    }
}
