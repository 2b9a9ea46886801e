package org.govkiosk.device.internal.sim.smartcard;

/** A card the vpcd emulator can put in a virtual reader: its ATR and its answers to command APDUs. */
public interface VirtualCard {

    byte[] atr();

    /** Power-on and reset: the card forgets its selection and its authentication. */
    void reset();

    /** The response APDU (data + SW1 SW2) to one command APDU. */
    byte[] respond(byte[] apdu);
}
