package org.govkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.Applicant;
import org.govkiosk.api.CaseSearch;
import org.govkiosk.api.IdType;
import org.govkiosk.api.LicenceHolder;
import org.govkiosk.api.LicenceIssue;
import org.govkiosk.api.LicenceVerificationRequest;
import org.govkiosk.app.cases.Case;
import org.govkiosk.app.cases.FormData;
import org.govkiosk.app.cases.TestCases;
import org.govkiosk.app.session.LicenceIdentity;
import org.govkiosk.app.session.SmartCardIdentity;
import org.govkiosk.device.internal.driver.smartcard.SmartCardData;
import org.govkiosk.device.idcard.IdCardData;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 14, attack 6: terminal.log carried masked names and ID numbers in three styles. Every value that carries
 * personal data and reaches the terminal's logs (ID card, social security card, e-licence, a case and its
 * applicant, searches, licence requests, free text with numbers) is logged here through its own toString, as the
 * code logs it, and the lines are scanned ({@link LogScan}): nothing in clear, and every masked form in the one rule
 * of {@code org.govkiosk.personal.Masking}. Before that rule the same citizen was 欧*** and 欧**英, and her ID number
 * 310***********0026 and 3****************6.
 */
class PersonalDataInLogsTest {

    static final String NAME = "欧阳秀英";
    static final String ID = "310104199203150026";
    static final String PHONE = "13812345678";
    static final String CARD = "A12345678";

    @Test
    void personalDataReachesTheLogMaskedByOneRule() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            org.slf4j.Logger l = LoggerFactory.getLogger("org.govkiosk.test.PersonalDataInLogs");
            Applicant applicant = new Applicant(IdType.RESIDENT_ID, ID, NAME, PHONE, "上海市徐汇区示例路88弄5号");
            // As the drivers, services and the platform client log them.
            l.info("ID card reader idcard-1 read {}", new IdCardData(IdCardData.DocumentType.RESIDENT_ID, NAME,
                    IdCardData.Sex.FEMALE, "01", LocalDate.of(1992, 3, 15), "上海市徐汇区示例路88弄5号", ID, "上海市公安局",
                    LocalDate.of(2020, 1, 1), LocalDate.of(2040, 1, 1), null, null, new byte[0],
                    new IdCardData.NoDetails()));
            Map<String, String> card = new LinkedHashMap<>();
            card.put("card-number", CARD);
            card.put("name", NAME);
            card.put("id-number", ID);
            l.info("Smart card reader sscard-1 read {}", new SmartCardData("ACS ACR39U", "3B00", "social-security",
                    card));
            SmartCardIdentity smartCard = new SmartCardIdentity("social-security", card);
            l.info("Citizen identified by social security card {}", smartCard.maskedCardNumber());
            l.info("Citizen identified by e-licence: {}", new LicenceIdentity("E_SOCIAL_SECURITY_CARD", "人社厅", NAME,
                    ID));
            l.info("Queued {}", Case.draft(TestCases.ITEM, applicant, new FormData(Map.of("phone", PHONE)),
                    List.of(), Clock.systemUTC()));
            l.info("Searching {}", new CaseSearch(IdType.RESIDENT_ID, ID));
            l.info("Holder {}", new LicenceHolder(NAME, ID));
            l.info("Issued {}", new LicenceIssue("E_SOCIAL_SECURITY_CARD", "E330100", NAME, ID, "人社厅",
                    LocalDate.now().plusYears(1), 600));
            l.info("Verifying {}", new LicenceVerificationRequest("GKEL1:abc", "11110000MB0000001X4440111001000",
                    ID));
            l.warn("Dead letter: {}", org.govkiosk.personal.Masking.text("the platform refused " + ID
                    + " (phone " + PHONE + ")"));
        } finally {
            root.detachAppender(log);
        }

        String text = String.join("\n", log.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        LogScan scan = LogScan.of(text, List.of(NAME));
        System.out.printf("Log lines with personal data: %d; in clear: %d; masked forms %s; off the rule: %s%n",
                log.list.size(), scan.clear().size(), scan.masked(), scan.offRule());
        assertThat(scan.clear()).as("personal data in clear").isEmpty();
        assertThat(scan.offRule()).as("masked values not in the one masking style").isEmpty();
    }
}
