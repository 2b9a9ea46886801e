package org.govkiosk.api;

import java.time.LocalDate;
import java.util.Map;

/**
 * Ratings of a period, counted per level: those citizens gave apart from those the platform recorded as 基本满意
 * when the rating window closed unrated (默认评价). 差评率 and satisfaction are the hall's to compute from the
 * given ones; the defaults are shown beside them, never mixed in.
 *
 * @param from          first day (inclusive, the platform's zone)
 * @param to            last day (inclusive)
 * @param givenByLevel  level ("1" … "5") → ratings citizens gave
 * @param given         their total
 * @param defaulted     ratings recorded by default (all at level 3)
 * @param badGiven      差评 among the given (level ≤ 2)
 */
public record RatingSummary(LocalDate from, LocalDate to, Map<String, Integer> givenByLevel, int given,
        int defaulted, int badGiven) {

    public RatingSummary {
        Check.present(from, "from");
        Check.present(to, "to");
        givenByLevel = Map.copyOf(givenByLevel);
    }
}
