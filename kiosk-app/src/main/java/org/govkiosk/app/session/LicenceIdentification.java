package org.govkiosk.app.session;

import org.govkiosk.api.LicenceVerification;
import org.govkiosk.api.LicenceVerificationRequest;
import org.govkiosk.app.platform.PlatformClient;
import org.govkiosk.app.platform.PlatformException;
import org.govkiosk.device.idcard.IdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 扫码亮证 at identification: asks the platform whether a scanned code is a valid e-licence and, if so, who holds it.
 * The terminal cannot judge a code by itself (codes are opaque, short-lived tokens), so every answer comes from the
 * platform; when it cannot be reached the citizen is told so and offered the card. Blocking: call it off the FX
 * thread. Codes and holders are never logged.
 */
public final class LicenceIdentification {

    private static final Logger LOG = LoggerFactory.getLogger(LicenceIdentification.class);

    /** What a scanned code came to. */
    public sealed interface Result {
        /** A valid licence of a person: the citizen is identified. */
        record Identified(LicenceIdentity who) implements Result {
        }

        /** Not a licence that identifies anyone now; the key says why, for the citizen. */
        record Refused(String messageKey) implements Result {
        }

        /** The platform could not be asked: nothing is known about the code. */
        record Unavailable(String messageKey) implements Result {
        }
    }

    private final PlatformClient platform;

    public LicenceIdentification(PlatformClient platform) {
        this.platform = platform;
    }

    public Result verify(String code) {
        LicenceVerificationRequest request;
        try {
            request = LicenceVerificationRequest.identify(code);
        } catch (IllegalArgumentException e) {
            return new Result.Refused("identify.licence.unknown"); // blank or longer than any licence code
        }
        LicenceVerification answer;
        try {
            answer = platform.verifyLicence(request);
        } catch (PlatformException e) {
            LOG.warn("E-licence code could not be verified: {}", e.summary());
            return new Result.Unavailable("identify.licence.unavailable");
        }
        if (!answer.valid()) {
            String reason = answer.reason() == null ? "" : answer.reason();
            LOG.info("E-licence code refused by the platform: {}", reason);
            return new Result.Refused(switch (reason) {
                case LicenceVerification.CODE_EXPIRED -> "identify.licence.code-expired";
                case LicenceVerification.LICENCE_EXPIRED -> "identify.licence.expired";
                default -> "identify.licence.unknown";
            });
        }
        if (answer.holder() == null) {
            LOG.warn("The platform verified an e-licence of type {} but named no holder", answer.licenceType());
            return new Result.Refused("identify.licence.not-a-person");
        }
        if (!IdNumber.isValid(answer.holder().idNumber())) {
            // E.g. a business licence: its holder is a company, whose credit code is no person's ID number.
            LOG.info("E-licence of type {} does not identify a person", answer.licenceType());
            return new Result.Refused("identify.licence.not-a-person");
        }
        LicenceIdentity who = new LicenceIdentity(answer.licenceType() == null ? "" : answer.licenceType(),
                answer.issuer(), answer.holder().name(), answer.holder().idNumber());
        LOG.info("Citizen identified by e-licence: {}", who);
        return new Result.Identified(who);
    }
}
