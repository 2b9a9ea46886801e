package org.govkiosk.api;

/**
 * Registers a terminal's signing key. The only unsigned call: it needs the enrolment token the hall admin gave
 * the technician. Registering the same terminal with the same key again is harmless; with another key it is
 * refused (409), so a stolen token cannot take over a running terminal.
 *
 * @param publicKey       base64 of the X.509 (SubjectPublicKeyInfo) encoding of an Ed25519 public key
 * @param model           optional hardware model
 * @param softwareVersion optional
 */
public record TerminalRegistration(String terminalId, String hallCode, String publicKey, String enrolmentToken,
        String model, String softwareVersion) {

    public TerminalRegistration {
        Check.text(terminalId, "terminalId", 64);
        Check.text(hallCode, "hallCode", 64);
        Check.text(publicKey, "publicKey", 200);
        Check.text(enrolmentToken, "enrolmentToken", 200);
        Check.optionalText(model, "model", 100);
        Check.optionalText(softwareVersion, "softwareVersion", 64);
    }

    @Override
    public String toString() {
        return "TerminalRegistration[" + terminalId + " hall=" + hallCode + " model=" + model + "]";
    }
}
