package org.govkiosk.print.data;

/**
 * Typed data for one template kind. The record's component names are the template's field names
 * ({@code ${caseNumber}}); a null or blank component that a template uses stops the print with an error.
 */
public sealed interface TemplateData
        permits AcceptanceReceiptData, OneTimeNotificationData, NonAcceptanceNoticeData,
        CompletionCertificateData, QueueSlipData, SubmissionSlipData,
        SupplementSlipData, PrinterTestPageData, ReturnNoticeData,
        DeferralCommitmentData {

    TemplateKind kind();
}
