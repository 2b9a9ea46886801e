package org.govkiosk.api;

/** To whom a certificate was handed out (出证), as the terminal checked it. */
public enum IssuanceRecipient {
    /**
     * The case's applicant, identified at the terminal (ID card, social security card or e-licence) and confirmed
     * by the platform when it gave out the certificate.
     */
    HOLDER
}
