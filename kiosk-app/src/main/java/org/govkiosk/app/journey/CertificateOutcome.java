package org.govkiosk.app.journey;

import org.govkiosk.app.printing.PrintResult;

/** How printing a finished case's certificate at the terminal (自助出证) went. */
public sealed interface CertificateOutcome {

    record Printed(PrintResult.Printed result) implements CertificateOutcome {
    }

    /** The case has no certificate yet (not finished, or the department has not issued it). */
    record NotReady() implements CertificateOutcome {
    }

    /**
     * The person identified at the terminal is not the case's applicant: the certificate prints only for its holder
     * (the platform compared them; nothing of the holder came back).
     */
    record NotTheHolder() implements CertificateOutcome {
    }

    /** The platform cannot be reached for the certificate now. */
    record Unavailable() implements CertificateOutcome {
    }

    /** Fetched, but no printer could print it. */
    record PrintFailed(PrintResult.Failed result) implements CertificateOutcome {
    }
}
