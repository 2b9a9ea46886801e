package org.govkiosk.platform.sms;

/**
 * Where the platform's text messages to citizens go: the rating invitation, and the case notices (accepted,
 * 补正, finished) when they come. The platform's own is {@link OutboxSmsGateway}: it records each message in the
 * database, from where {@link SmsRelay} hands it to the operator's gateway ({@link HttpSmsGateway},
 * {@link SmppSmsGateway}).
 */
public interface SmsGateway extends AutoCloseable {

    /** The operator's gateway the settings name: an SMSC over SMPP ({@code smpp(s)://}) or an HTTP gateway. */
    static SmsGateway of(SmsSettings settings) {
        return settings.smpp() ? SmppSmsGateway.of(settings) : HttpSmsGateway.of(settings);
    }

    /**
     * Hands the message over. Idempotent by {@link SmsMessage#dedupeKey()} where the implementation can be.
     *
     * @throws SmsException when it could not be handed over; {@link SmsException#retryable()} says whether a later
     *     try may succeed
     */
    void send(SmsMessage message);

    /** Lets go of connections held (an SMPP session); nothing for gateways that hold none. */
    @Override
    default void close() {
    }
}
