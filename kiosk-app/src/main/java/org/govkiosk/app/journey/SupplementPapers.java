package org.govkiosk.app.journey;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.govkiosk.print.data.AcceptanceReceiptData;
import org.govkiosk.print.data.MaskedText;
import org.govkiosk.print.data.SupplementSlipData;

/**
 * What handing in materials prints: the hall's acceptance receipt (受理回执) once the case is complete and accepted,
 * otherwise the supplement slip (the hall's template) listing what was handed in and what is still missing, or that it waits to be sent.
 */
final class SupplementPapers {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final JourneySettings settings;

    SupplementPapers(JourneySettings settings) {
        this.settings = settings;
    }

    JourneyPaper receipt(CaseProgress accepted, ApplicantIdentity who, Instant at) {
        return new JourneyPaper.FromTemplate(JourneyPaper.Kind.ACCEPTANCE_RECEIPT, new AcceptanceReceiptData(
                settings.hallName(), accepted.caseNumber(), accepted.itemName(), MaskedText.name(who.name()),
                MaskedText.idNumber(who.idNumber()), LocalDateTime.ofInstant(at, settings.zone()).withSecond(0)
                        .withNano(0), accepted.promisedDate().orElseThrow(),
                settings.progressUrl(accepted.caseNumber()), settings.hallAddress(), settings.hallPhone(),
                settings.terminalId()));
    }

    /** @param stillMissing what the platform says is still missing; empty when it was not reached */
    JourneyPaper slip(String caseNumber, String itemName, ApplicantIdentity who, List<String> handedIn,
            List<String> stillMissing, DeliveryTracker.Delivery delivery, Instant at) {
        SupplementSlipData.Delivery answer = delivery instanceof DeliveryTracker.Delivery.Refused
                ? SupplementSlipData.Delivery.REFUSED
                : delivery instanceof DeliveryTracker.Delivery.Waiting ? SupplementSlipData.Delivery.WAITING
                        : SupplementSlipData.Delivery.RECEIVED;
        return new JourneyPaper.FromTemplate(JourneyPaper.Kind.SUPPLEMENT_SLIP, SupplementSlipData.of(
                settings.hallName(), caseNumber, itemName, MaskedText.name(who.name()),
                MaskedText.idNumber(who.idNumber()), String.join("、", handedIn),
                LocalDateTime.ofInstant(at, settings.zone()).format(MINUTE), String.join("、", stillMissing),
                settings.correctionDays(), settings.correctionDeadline(LocalDate.ofInstant(at, settings.zone())),
                settings.progressUrl(caseNumber), settings.hallAddress(),
                settings.hallPhone(), settings.terminalId(), answer));
    }
}
