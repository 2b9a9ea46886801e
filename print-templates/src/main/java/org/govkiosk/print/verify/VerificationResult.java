package org.govkiosk.print.verify;

/** The outcome of checking a scanned certificate code; an invalid code is a value, not an exception. */
public sealed interface VerificationResult {

    boolean isValid();

    record Valid(CertificatePayload payload, String keyId) implements VerificationResult {
        @Override
        public boolean isValid() {
            return true;
        }
    }

    record Invalid(Reason reason, String detail) implements VerificationResult {
        @Override
        public boolean isValid() {
            return false;
        }
    }

    enum Reason {
        /** Not a certificate code at all, or damaged. */
        MALFORMED,
        /** Signed with a key this verifier does not know (another hall, or a retired key not configured). */
        UNKNOWN_KEY,
        /** The fields or the signature were altered: a forgery or a misprint. */
        BAD_SIGNATURE
    }
}
