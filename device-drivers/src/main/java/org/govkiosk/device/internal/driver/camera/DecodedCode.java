package org.govkiosk.device.internal.driver.camera;

import java.util.Objects;

/**
 * One code found in a frame.
 *
 * @param text the payload; may carry personal data (e-licence codes), so never logged or printed whole
 * @param x the code's left edge in the frame, in pixels, as found (for ordering codes left to right)
 * @param y its top edge
 */
public record DecodedCode(String text, int x, int y) {

    public DecodedCode {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "DecodedCode[length=" + text.length() + ", at=" + x + "," + y + "]";
    }
}
