package org.govkiosk.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A rating in the field set the national 好差评 scheme asks of a hall (国办发〔2019〕51号), for a forwarder to the
 * provincial system. Field names here are the platform's; the province's own names and codes (they differ from
 * province to province) are mapped by the forwarder's configuration.
 *
 * @param ratingId        stable: a forwarder sends each once
 * @param caseNumber      办件编号
 * @param serviceSequence 服务次序号 (the contact within the case; 一次一评)
 * @param itemCode        事项编码
 * @param itemName        事项名称, when a window request named it; otherwise null
 * @param hallCode        the hall (机构/大厅)
 * @param windowId        窗口, for window ratings
 * @param terminalId      the pad or terminal that took the rating
 * @param clerkId         办理人员, for window ratings
 * @param channelCode     评价渠道 pf: the usual code of the channel ("4" window pad, "5" self-service terminal)
 * @param level           评价等级 1 非常不满意 … 5 非常满意
 * @param indicatorLevels 评价指标 code → level
 * @param reasonCodes     差评原因 (indicator or reason codes)
 * @param comment         文字评价
 * @param anonymous       不公开
 * @param ratedAt         评价时间 (the pad's or terminal's clock)
 * @param receivedAt      when the platform stored it
 * @param defaulted       {@code true}: not given by the citizen but recorded by the platform when the rating window
 *                        (5 working days) closed unrated, as 基本满意 (默认评价); reports count these apart
 */
public record NationalRating(String ratingId, String caseNumber, String serviceSequence, String itemCode,
        String itemName, String hallCode, String windowId, String terminalId, String clerkId, String channelCode,
        int level, Map<String, Integer> indicatorLevels, List<String> reasonCodes, String comment,
        boolean anonymous, Instant ratedAt, Instant receivedAt, boolean defaulted) {

    public NationalRating {
        Check.text(ratingId, "ratingId", 64);
        Check.text(caseNumber, "caseNumber", 64);
        indicatorLevels = Check.map(indicatorLevels, "indicatorLevels");
        reasonCodes = Check.list(reasonCodes, "reasonCodes");
    }

    /** A rating the citizen gave (not a default). */
    public NationalRating(String ratingId, String caseNumber, String serviceSequence, String itemCode,
            String itemName, String hallCode, String windowId, String terminalId, String clerkId, String channelCode,
            int level, Map<String, Integer> indicatorLevels, List<String> reasonCodes, String comment,
            boolean anonymous, Instant ratedAt, Instant receivedAt) {
        this(ratingId, caseNumber, serviceSequence, itemCode, itemName, hallCode, windowId, terminalId, clerkId,
                channelCode, level, indicatorLevels, reasonCodes, comment, anonymous, ratedAt, receivedAt, false);
    }
}
