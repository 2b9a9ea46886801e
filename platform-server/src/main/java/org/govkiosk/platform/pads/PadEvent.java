package org.govkiosk.platform.pads;

/**
 * One event for a pad's stream, its data already JSON.
 *
 * @param id the SSE id (null: an event without one, such as hello)
 */
record PadEvent(Long id, String name, String json) {
}
