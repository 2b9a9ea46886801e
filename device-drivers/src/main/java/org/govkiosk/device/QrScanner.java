package org.govkiosk.device;

/** A code scanner; publishes {@link DeviceEvent.QrScanned}. */
public interface QrScanner extends Device {

    void setReadingEnabled(boolean enabled);
}
