package org.govkiosk.platform.pads;

/** A pad and the window it serves; windows are named per hall. */
record PadBinding(String padId, String hallCode, String windowId) {

    WindowKey window() {
        return new WindowKey(hallCode, windowId);
    }
}
