package org.govkiosk.app.platform;

import java.net.URI;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import org.govkiosk.api.ReceiptRejectedException;
import org.govkiosk.api.ReceiptVerifier;
import org.govkiosk.api.RegistrationReceipt;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.SignedHeaders;
import org.govkiosk.api.TerminalKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's side of the platform's signed receipts: pins the key a registration answer offers (the first one
 * only) and lets a receipt through only when it verifies against the pinned key for the very request it answers.
 */
final class ReceiptCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptCheck.class);

    private final PlatformKeyPin pin;
    private final ReceiptAlarm alarm;
    private final String base;

    ReceiptCheck(PlatformKeyPin pin, ReceiptAlarm alarm, String base) {
        this.pin = Objects.requireNonNull(pin, "pin");
        this.alarm = Objects.requireNonNull(alarm, "alarm");
        this.base = base;
    }

    /** The first registration pins the platform's receipt key; a later one cannot change it. */
    void pinFrom(RegistrationReceipt receipt) throws PlatformException {
        if (receipt.platformKey() == null) {
            if (pin.current().isEmpty()) {
                LOG.warn("The platform's registration answer carries no receipt key: nothing it answers can be"
                        + " confirmed until a key is pinned");
            }
            return;
        }
        PublicKey offered;
        try {
            offered = TerminalKeys.decodePublic(receipt.platformKey());
        } catch (IllegalArgumentException e) {
            throw new PlatformException(PlatformFailure.BAD_RESPONSE, "the registration answer's platformKey is not"
                    + " an Ed25519 or SM2 public key", e);
        }
        switch (pin.offer(offered)) {
            case PINNED -> LOG.info("Pinned the platform's receipt key {}", TerminalKeys.keyId(offered));
            case SAME -> LOG.debug("The platform's receipt key is the pinned one");
            case REFUSED -> alarm.keyRefused("the platform at " + base + " offered receipt key "
                    + TerminalKeys.keyId(offered) + " but this terminal pinned " + TerminalKeys.keyId(
                            pin.current().orElseThrow()) + " at its enrolment; the pin stays (a platform whose key"
                    + " really changed needs this terminal re-enrolled by a technician)");
        }
    }

    /**
     * Passes a 2xx answer whose receipt verifies against the pinned platform key for exactly this request; else a
     * retryable {@link PlatformFailure#UNVERIFIED_RECEIPT}, so the outbox keeps the entry and resends it.
     */
    void verify(String method, URI uri, byte[] requestBody, SignedHeaders signed, HttpResponse<byte[]> response)
            throws PlatformException {
        int status = response.statusCode();
        Optional<PublicKey> key = pin.current();
        try {
            if (key.isEmpty()) {
                throw new ReceiptRejectedException(ReceiptRejectedException.Reason.NO_PINNED_KEY, "no platform"
                        + " receipt key is pinned on this terminal (it pins one when it registers with its"
                        + " enrolment token)");
            }
            new ReceiptVerifier(key.get()).verify(status, method, RequestSigner.pathAndQuery(uri), signed,
                    requestBody == null ? new byte[0] : requestBody,
                    name -> response.headers().firstValue(name).orElse(null), response.body());
        } catch (ReceiptRejectedException e) {
            String problem = method + " " + uri.getRawPath() + " answered " + status + " without a valid platform"
                    + " receipt (" + e.reason() + "): " + e.getMessage();
            alarm.rejected(problem);
            throw new PlatformException(PlatformFailure.UNVERIFIED_RECEIPT, true, status, null, null, problem,
                    null);
        }
        alarm.verified();
    }
}
