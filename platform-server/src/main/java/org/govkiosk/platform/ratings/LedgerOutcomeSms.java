package org.govkiosk.platform.ratings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.govkiosk.api.ApiJson;
import org.govkiosk.personal.Masking;
import org.govkiosk.platform.sms.SmsException;
import org.govkiosk.platform.sms.SmsGateway;
import org.govkiosk.platform.sms.SmsMessage;
import org.govkiosk.platform.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcome of a closed ledger entry told to the citizen by SMS: due with the closing (in its transaction), handed
 * to the gateway after it, and by any later sync while still due. Only the case number and the outcome go in it.
 */
final class LedgerOutcomeSms {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerOutcomeSms.class);
    private static final ObjectMapper JSON = ApiJson.lenient();

    private final Database db;
    private final SmsGateway sms;
    private final String smsSignature;

    LedgerOutcomeSms(Database db, SmsGateway sms, String smsSignature) {
        this.db = db;
        this.sms = sms;
        this.smsSignature = smsSignature;
    }

    /**
     * Hands the outcome SMS of every closing that has one due to the gateway; the message's key keeps it one
     * message however often it is handed over (two instances, a retry after a stop). A retryable failure leaves
     * it due for the next sync; a message that can never go (no valid phone) is given up, and the log says so.
     *
     * @return how many went into the outbox
     */
    int deliverDue() {
        List<String[]> due = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT rating_id, case_number, outcome FROM rating_ledger"
                    + " WHERE sms_due ORDER BY closed_at, rating_id");
                    ResultSet rs = ps.executeQuery()) {
                List<String[]> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
                return out;
            }
        });
        int queued = 0;
        for (String[] d : due) {
            String phone = db.inTransaction(c -> phone(c, d[1]));
            boolean sent = false;
            boolean giveUp = phone == null;
            if (phone != null) {
                try {
                    sms.send(new SmsMessage("rating-outcome:" + d[0], phone, outcomeText(d[1], d[2]),
                            "rating-outcome"));
                    sent = true;
                } catch (SmsException e) {
                    giveUp = !e.retryable();
                    LOG.warn("Outcome SMS of bad rating {} to {} not queued{}: {}", d[0], Masking.phone(phone),
                            giveUp ? "" : " (tried again later)", e.getMessage());
                } catch (IllegalArgumentException e) {
                    giveUp = true;
                    LOG.warn("Outcome SMS of bad rating {} to {} cannot be sent: {}", d[0], Masking.phone(phone),
                            e.getMessage());
                }
            }
            if (sent || giveUp) {
                boolean queuedNow = sent;
                db.inTransaction(c -> RatingLedger.update(c, "UPDATE rating_ledger SET sms_due = FALSE, sms_queued = ?"
                        + " WHERE rating_id = ?", queuedNow, d[0]));
            }
            if (sent) {
                queued++;
                LOG.info("Outcome of bad rating {} queued by SMS to {}", d[0], Masking.phone(phone));
            }
        }
        return queued;
    }

    /** The outcome told to the citizen: the case number and the outcome, nothing of the citizen's identity. */
    private String outcomeText(String caseNumber, String outcome) {
        return "【" + smsSignature + "】您对办件" + caseNumber + "的评价已回访整改，结果：" + outcome + "。感谢您的监督。";
    }

    /** The applicant's phone from the rating's stored case, when there is one. */
    static String phone(Connection c, String caseNumber) throws SQLException {
        if (caseNumber == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT submission FROM cases WHERE case_number = ?")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return null;
                }
                JsonNode phone = JSON.readTree(rs.getString(1)).path("applicant").path("phone");
                return phone.isTextual() && !phone.asText().isBlank() ? phone.asText().strip() : null;
            } catch (java.io.IOException e) {
                return null;
            }
        }
    }
}
