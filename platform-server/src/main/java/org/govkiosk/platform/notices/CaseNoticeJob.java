package org.govkiosk.platform.notices;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govkiosk.personal.Masking;
import org.govkiosk.platform.sms.SmsException;
import org.govkiosk.platform.sms.SmsGateway;
import org.govkiosk.platform.sms.SmsMessage;
import org.govkiosk.platform.sms.SmsRelay;
import org.govkiosk.platform.store.CaseNotices;
import org.govkiosk.platform.store.CaseNotices.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells citizens by SMS what became of their cases: hands the notices the store recorded with each state change
 * to the SMS outbox (one message per case and notice: the dedupe key {@code case-notice:NUMBER:NOTICE}, so a run
 * that died between the outbox and the mark, or two instances at once, still send it once), then lets the relay
 * send the outbox on. Of several notices of one case waiting together (a 即办件 accepted, decided and printable in
 * one request) only the last is sent: it says it all. A citizen who declined notices, or a case without a phone,
 * gets none.
 */
public final class CaseNoticeJob {

    private static final Logger LOG = LoggerFactory.getLogger(CaseNoticeJob.class);
    private static final int BATCH = 100;

    private final CaseNotices notices;
    private final SmsGateway outbox;
    private final Optional<SmsRelay> relay;
    private final NoticeTemplates templates;
    private final Clock clock;

    /** @param relay sends the outbox on after each run; empty: the messages stay in the outbox */
    public CaseNoticeJob(CaseNotices notices, SmsGateway outbox, Optional<SmsRelay> relay, NoticeTemplates templates,
            Clock clock) {
        this.notices = notices;
        this.outbox = outbox;
        this.relay = relay;
        this.templates = templates;
        this.clock = clock;
    }

    /** What one run did. */
    public record Run(int queued, int skipped, int superseded, int sent) {
    }

    public Run runOnce() {
        List<CaseNotices.Pending> pending = notices.pending(BATCH);
        Map<String, CaseNotices.Pending> last = new LinkedHashMap<>();
        for (CaseNotices.Pending p : pending) {
            last.merge(p.caseNumber(), p, (a, b) -> b.notice().rank() >= a.notice().rank() ? b : a);
        }
        int queued = 0;
        int skipped = 0;
        int superseded = 0;
        for (CaseNotices.Pending p : pending) {
            if (last.get(p.caseNumber()) != p) {
                if (notices.settle(p.caseNumber(), p.notice(), "SUPERSEDED", last.get(p.caseNumber()).notice().name(),
                        clock.instant())) {
                    superseded++;
                }
                continue;
            }
            if (p.declined() || p.phone().isEmpty()) {
                String why = p.declined() ? "declined" : "no-phone";
                if (notices.settle(p.caseNumber(), p.notice(), "SKIPPED", why, clock.instant())) {
                    LOG.info("Case {}: no {} notice ({})", p.caseNumber(), p.notice(), why);
                    skipped++;
                }
                continue;
            }
            try {
                outbox.send(new SmsMessage(dedupeKey(p.caseNumber(), p.notice()), p.phone().get(),
                        templates.render(p.notice(), p.caseNumber(), p.itemName()), purpose(p.notice())));
            } catch (SmsException e) {
                // The outbox (the database) failed: the notice stays pending for the next run.
                LOG.warn("Case {}: {} notice to {} not queued yet: {}", p.caseNumber(), p.notice(),
                        Masking.phone(p.phone().get()), e.getMessage());
                continue;
            } catch (IllegalArgumentException e) {
                // Not a phone number an SMS can go to: a person must look, no retry mends it.
                notices.settle(p.caseNumber(), p.notice(), "SKIPPED", "bad-phone", clock.instant());
                LOG.warn("Case {}: no {} notice: {}", p.caseNumber(), p.notice(), e.getMessage());
                skipped++;
                continue;
            }
            if (notices.settle(p.caseNumber(), p.notice(), "QUEUED", null, clock.instant())) {
                queued++;
            }
        }
        int sent = relay.map(SmsRelay::runOnce).orElse(0);
        return new Run(queued, skipped, superseded, sent);
    }

    static String dedupeKey(String caseNumber, Notice notice) {
        return "case-notice:" + caseNumber + ":" + notice.name();
    }

    static String purpose(Notice notice) {
        return "case-" + notice.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
