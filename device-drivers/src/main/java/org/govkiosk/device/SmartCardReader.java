package org.govkiosk.device;

import java.util.concurrent.CompletableFuture;

/** A PC/SC reader; publishes {@link DeviceEvent.SmartCardInserted} and {@link DeviceEvent.SmartCardRemoved}. */
public interface SmartCardReader extends Device {

    void setReadingEnabled(boolean enabled);

    /** Sends one command APDU to the present card and completes with the response APDU (data + SW1 SW2). */
    CompletableFuture<byte[]> transmit(byte[] commandApdu);
}
