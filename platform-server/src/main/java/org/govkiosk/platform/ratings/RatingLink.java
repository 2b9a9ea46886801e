package org.govkiosk.platform.ratings;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a rating link names: one contact (case number + service sequence, 一次一评), where it was served (a window,
 * or none for the case as a whole), its item, the last day it may be rated, and where the link was handed out.
 *
 * @param windowId null for a case contact (the terminal, the case's decision)
 * @param source   the QR code on a paper (评价二维码) or the invitation SMS: the rating's channel
 */
record RatingLink(String caseNumber, String serviceSequence, String windowId, String itemCode, LocalDate lastDay,
        Source source) {

    enum Source {
        QR('Q'), SMS('S');

        final char code;

        Source(char code) {
            this.code = code;
        }

        static Source of(String text) {
            for (Source s : values()) {
                if (text.length() == 1 && text.charAt(0) == s.code) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown link source '" + text + "'");
        }
    }

    RatingLink {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(serviceSequence, "serviceSequence");
        Objects.requireNonNull(itemCode, "itemCode");
        Objects.requireNonNull(lastDay, "lastDay");
        Objects.requireNonNull(source, "source");
        if (windowId != null && windowId.isEmpty()) {
            windowId = null;
        }
    }
}
