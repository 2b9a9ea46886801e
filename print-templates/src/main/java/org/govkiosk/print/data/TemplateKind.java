package org.govkiosk.print.data;

import java.util.Arrays;
import java.util.Optional;

/** The documents a terminal prints; each is filled from exactly one data record type. */
public enum TemplateKind {
    ACCEPTANCE_RECEIPT("acceptance-receipt", AcceptanceReceiptData.class),
    ONE_TIME_NOTIFICATION("one-time-notification", OneTimeNotificationData.class),
    NON_ACCEPTANCE_NOTICE("non-acceptance-notice", NonAcceptanceNoticeData.class),
    RETURN_NOTICE("return-notice", ReturnNoticeData.class),
    DEFERRAL_COMMITMENT("deferral-commitment", DeferralCommitmentData.class),
    COMPLETION_CERTIFICATE("completion-certificate", CompletionCertificateData.class),
    QUEUE_SLIP("queue-slip", QueueSlipData.class),
    SUBMISSION_SLIP("submission-slip", SubmissionSlipData.class),
    SUPPLEMENT_SLIP("supplement-slip", SupplementSlipData.class),
    PRINTER_TEST_PAGE("printer-test-page", PrinterTestPageData.class);

    private final String id;
    private final Class<? extends TemplateData> dataType;

    TemplateKind(String id, Class<? extends TemplateData> dataType) {
        this.id = id;
        this.dataType = dataType;
    }

    /** The name used in template files ({@code kind: acceptance-receipt}). */
    public String id() {
        return id;
    }

    public Class<? extends TemplateData> dataType() {
        return dataType;
    }

    public static Optional<TemplateKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
