package org.govkiosk.platform.ratings;

/**
 * The contact a link names, as the platform knows it: its hall, the item's name, who served.
 *
 * @param servedBy     the terminal or pad of the contact, when known; else null
 * @param invitedUntil the last day of the contact's rating window once it was served (invited); else null
 */
record Contact(String hallCode, String itemName, String windowId, String clerkId, String servedBy,
        java.time.LocalDate invitedUntil) {
}
