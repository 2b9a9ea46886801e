package org.govkiosk.platform.pads;

/** One window of one hall: the unit requests are addressed to. */
record WindowKey(String hallCode, String windowId) {
}
