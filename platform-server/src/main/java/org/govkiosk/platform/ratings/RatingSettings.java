package org.govkiosk.platform.ratings;

import java.time.Duration;
import java.util.Objects;
import org.govkiosk.platform.sms.SmsSettings;

/**
 * The rating window and the invitation (platform.yaml {@code rating-window-working-days},
 * {@code rating-job-interval-seconds}, {@code sms-signature} and the {@code sms-*} keys).
 *
 * @param windowWorkingDays a served contact may be rated until the end of this many working days after the day it
 *                          was served (the county rules: 5); then it counts as 基本满意 by default
 * @param jobInterval       how often the platform looks for contacts served and windows closed
 * @param smsSignature      the sender's name the invitation starts with, 【...】
 * @param scheduled         false: no job thread; whoever started the platform runs {@code Ratings.runOnce()}
 *                          (tests that move a clock)
 */
public record RatingSettings(int windowWorkingDays, Duration jobInterval, String smsSignature, SmsSettings sms,
        boolean scheduled) {

    public static final int DEFAULT_WINDOW_WORKING_DAYS = 5;

    public RatingSettings {
        if (windowWorkingDays < 1 || windowWorkingDays > 30) {
            throw new IllegalArgumentException("rating-window-working-days must be 1..30, was " + windowWorkingDays);
        }
        if (jobInterval.compareTo(Duration.ofSeconds(5)) < 0 || jobInterval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("rating-job-interval-seconds must be 5..3600");
        }
        if (smsSignature == null || smsSignature.isBlank() || smsSignature.length() > 20) {
            throw new IllegalArgumentException("sms-signature must be 1 to 20 characters");
        }
        Objects.requireNonNull(sms, "sms");
    }

    /** 5 working days, looked at every minute, invitations kept in the outbox. */
    public static RatingSettings defaults() {
        return new RatingSettings(DEFAULT_WINDOW_WORKING_DAYS, Duration.ofMinutes(1), "政务服务",
                SmsSettings.outboxOnly(), true);
    }

    public RatingSettings withSms(SmsSettings newSms) {
        return new RatingSettings(windowWorkingDays, jobInterval, smsSignature, newSms, scheduled);
    }

    /** The same without the job thread: the caller runs the job. */
    public RatingSettings unscheduled() {
        return new RatingSettings(windowWorkingDays, jobInterval, smsSignature, sms, false);
    }
}
