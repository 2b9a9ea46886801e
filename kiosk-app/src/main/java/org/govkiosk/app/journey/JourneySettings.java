package org.govkiosk.app.journey;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.govkiosk.shared.calendar.WorkingCalendar;

/**
 * What the citizen journeys print and how long they wait, from the terminal's configuration.
 *
 * @param hallAddress      printed on receipts and notifications (where to bring missing materials)
 * @param hallPhone        the hall's consultation number for receipts
 * @param progressQueryUrl the receipt's QR code is this followed by the case number; the progress screen reads a
 *                         scanned receipt back the same way
 * @param correctionDays   working days the one-time notification gives to bring what is missing
 * @param calendar         the working days every printed deadline is counted on (public holidays and 调休)
 * @param deliveryWait     how long the citizen waits, after confirming, for the platform's case number before the
 *                         terminal prints a slip saying the case is queued
 * @param printTimeout     how long to wait for paper before telling the citizen it failed
 */
public record JourneySettings(String hallName, String hallAddress, String hallPhone, String terminalId,
        String progressQueryUrl, int correctionDays, Duration deliveryWait, Duration printTimeout, ZoneId zone,
        WorkingCalendar calendar) {

    /** Deadlines counted with weekends only (tests): see {@link WorkingCalendar#weekendsOnly()}. */
    public JourneySettings(String hallName, String hallAddress, String hallPhone, String terminalId,
            String progressQueryUrl, int correctionDays, Duration deliveryWait, Duration printTimeout, ZoneId zone) {
        this(hallName, hallAddress, hallPhone, terminalId, progressQueryUrl, correctionDays, deliveryWait,
                printTimeout, zone, WorkingCalendar.weekendsOnly());
    }

    public JourneySettings {
        for (String text : new String[] {hallName, hallAddress, hallPhone, terminalId, progressQueryUrl}) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("journey settings need hall name, address, phone, terminal id"
                        + " and progress query URL");
            }
        }
        if (correctionDays < 1 || correctionDays > 60) {
            throw new IllegalArgumentException("correction days must be 1..60, got " + correctionDays);
        }
        Objects.requireNonNull(deliveryWait, "deliveryWait");
        Objects.requireNonNull(printTimeout, "printTimeout");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(calendar, "calendar");
    }

    /** The last day to bring missing materials (补正) when told on {@code day}: correctionDays working days on. */
    public LocalDate correctionDeadline(LocalDate day) {
        return calendar.addWorkingDays(day, correctionDays);
    }

    /** The QR payload of a receipt for {@code caseNumber}. */
    public String progressUrl(String caseNumber) {
        return progressQueryUrl + caseNumber;
    }
}
