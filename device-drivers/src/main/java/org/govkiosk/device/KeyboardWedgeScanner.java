package org.govkiosk.device;

import org.govkiosk.device.wedge.KeyBurstDetector;

/**
 * A scanner that types its codes as a USB keyboard. The terminal's UI owns the keyboard, so it watches key
 * bursts with {@link #newDetector()} and hands each code it catches to {@link #scanned(String)}, which publishes
 * {@link DeviceEvent.QrScanned} like any scanner.
 */
public interface KeyboardWedgeScanner extends QrScanner {

    /** A detector with this scanner's timing (minimum code length, longest gap between keys). */
    KeyBurstDetector newDetector();

    /** One code caught from the keyboard; published only while reading is enabled. */
    void scanned(String payload);
}
