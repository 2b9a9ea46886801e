package org.govkiosk.app.platform;

import org.govkiosk.api.CaseList;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSearch;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.HolderIdentity;
import org.govkiosk.api.CertificateIssuance;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.api.HeartbeatReceipt;
import org.govkiosk.api.IssuanceReceipt;
import org.govkiosk.api.LicenceVerification;
import org.govkiosk.api.LicenceVerificationRequest;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.api.RegistrationReceipt;
import org.govkiosk.api.SupplementReceipt;
import org.govkiosk.api.SupplementSubmission;
import org.govkiosk.api.TerminalRegistration;

/**
 * The terminal's calls to the platform. Every call either answers or throws a {@link PlatformException} that says
 * whether trying again can help; none hangs longer than the configured timeouts.
 */
public interface PlatformClient {

    /**
     * Registers this terminal's public key, with the enrolment token the technician was given. The only unsigned
     * call. Registering again with the same key is harmless ({@link RegistrationReceipt#alreadyRegistered()});
     * with another key the platform refuses it ({@link PlatformFailure#CONFLICT}).
     */
    RegistrationReceipt register(TerminalRegistration registration) throws PlatformException;

    /** The periodic sign of life with the devices' status; the receipt carries the platform's clock. */
    HeartbeatReceipt heartbeat(Heartbeat heartbeat) throws PlatformException;

    /** Idempotent by {@link CaseSubmission#idempotencyKey()}: a resend answers the first receipt. */
    CaseReceipt submitCase(CaseSubmission submission) throws PlatformException;

    /** Idempotent by {@link RatingSubmission#idempotencyKey()}. */
    RatingReceipt submitRating(RatingSubmission rating) throws PlatformException;

    /**
     * Materials handed in for a case waiting for them (补正); idempotent by
     * {@link SupplementSubmission#idempotencyKey()}. A case not waiting (any more) or of someone else is a
     * {@link PlatformFailure#CONFLICT}, which waiting cannot mend.
     */
    SupplementReceipt submitSupplement(SupplementSubmission supplement) throws PlatformException;

    /**
     * A finished case's certificate was printed here (出证); idempotent by
     * {@link CertificateIssuance#idempotencyKey()}. The first moves the case to CERTIFICATE_ISSUED, a later one is
     * a reprint (补打). A case not finished, or another hall's, is a {@link PlatformFailure#CONFLICT}.
     */
    IssuanceReceipt reportIssuance(CertificateIssuance issuance) throws PlatformException;

    /**
     * Posts an outbox entry's stored bytes to {@code path} exactly as they are, so the request signature covers the
     * very bytes the outbox kept (never a re-serialisation of them), and returns the platform's answer once its
     * receipt verifies against the pinned platform key. What the answer is depends on the entry's kind: its
     * {@link EntryConverter} reads it.
     */
    byte[] deliver(String path, byte[] storedBody) throws PlatformException;

    /** 办件查询 by case number (typed in or scanned from the receipt's QR code). */
    CaseView queryCase(String caseNumber) throws PlatformException;

    /** 办件查询 by the applicant's ID; the ID number travels in the body, never in a URL. */
    CaseList searchCases(CaseSearch search) throws PlatformException;

    /**
     * The certificate PDF of a finished case for its holder (自助出证): the platform gives it only when {@code holder}
     * is the case's applicant, else a 403 not-the-applicant. The ID number travels in the body, never in a URL.
     */
    byte[] fetchCertificate(String caseNumber, HolderIdentity holder) throws PlatformException;

    /** 扫码亮证: verifies a scanned e-licence code. An unknown code is an answer, not an error. */
    LicenceVerification verifyLicence(LicenceVerificationRequest request) throws PlatformException;
}
