package org.govkiosk.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Ratings of a period per department, window, clerk, item or channel. Ratings count on the day received (the
 * platform's zone). A rating whose appeal was upheld (申诉成立) counts in no column but {@code appealsUpheld}.
 *
 * @param by   department, window, clerk, item or channel
 * @param all  every row together
 */
public record RatingReport(String by, LocalDate from, LocalDate to, Row all, List<Row> rows) {

    public RatingReport {
        rows = List.copyOf(rows);
    }

    /**
     * @param key           the department, window id, clerk id, item code or channel; 未指定 where none is known
     * @param label         what people read (the item's name, the channel's name; else the key)
     * @param byLevel       level ("1" … "5") → ratings citizens gave
     * @param given         their total
     * @param defaulted     默认评价: 基本满意 recorded when the window closed unrated (apart from byLevel)
     * @param total         given + defaulted
     * @param bad           差评 (level ≤ 2) citizens gave
     * @param badRate       差评率 = bad / total (0 when total is 0)
     * @param defaultShare  defaulted / total (0 when total is 0)
     * @param anonymous     不公开评价 among the given
     * @param realNameBad   real-name bad ratings (the ledger's to call back)
     * @param rectified     of them, called back and closed with a rectification
     * @param closedOnTime  of them, closed by the first deadline
     * @param followUpRate  回访整改率 = rectified / realNameBad (1 when there are none)
     * @param onTimeRate    closedOnTime / realNameBad (1 when there are none)
     * @param appealsUpheld ratings of the period taken out of the scores by an upheld appeal
     */
    public record Row(String key, String label, Map<String, Integer> byLevel, int given, int defaulted, int total,
            int bad, double badRate, double defaultShare, int anonymous, int realNameBad, int rectified,
            int closedOnTime, double followUpRate, double onTimeRate, int appealsUpheld) {

        public Row {
            byLevel = Map.copyOf(byLevel);
        }
    }
}
