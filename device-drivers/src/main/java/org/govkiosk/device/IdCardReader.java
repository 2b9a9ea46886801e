package org.govkiosk.device;

/** Reads resident ID cards and the other documents a SAM reader reads; publishes {@link DeviceEvent.IdCardRead}. */
public interface IdCardReader extends Device {

    /** Reading happens only while a screen asks for a card: personal data is read for a purpose, not by chance. */
    void setReadingEnabled(boolean enabled);
}
