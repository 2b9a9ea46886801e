package org.govkiosk.device;

/** Reads resident ID cards and the other documents a SAM reader reads; publishes {@link DeviceEvent.IdCardRead}. */
public interface IdCardReader extends Device {

    /** Reading happens only while a screen asks for a card: personal data is read for a purpose, not by chance. */
    void setReadingEnabled(boolean enabled);

    /**
     * A citizen's session ended: a card still lying on the reader is theirs, forgotten, and must never be read into
     * the next citizen's session. It is read again only once it has been taken off and put back (a new placement).
     */
    void requireNewPlacement();
}
