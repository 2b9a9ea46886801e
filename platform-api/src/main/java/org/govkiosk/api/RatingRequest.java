package org.govkiosk.api;

/**
 * The window business system asks the pad(s) of a window to collect a rating for the contact just finished. The
 * clerk's name is shown to the citizen (it is on the window's sign anyway); nothing about the citizen travels.
 *
 * @param serviceSequence the contact within the case (一次一评), as in {@link RatingSubmission}
 * @param itemName        the item's name as the pad shows it
 * @param clerkName       shown on the pad with a photo placeholder
 */
public record RatingRequest(String hallCode, String windowId, String caseNumber, String serviceSequence,
        String itemCode, String itemName, String clerkId, String clerkName) {

    public RatingRequest {
        Check.text(hallCode, "hallCode", 64);
        Check.text(windowId, "windowId", 64);
        Check.text(caseNumber, "caseNumber", 64);
        Check.text(serviceSequence, "serviceSequence", 32);
        Check.text(itemCode, "itemCode", 64);
        Check.text(itemName, "itemName", 200);
        Check.text(clerkId, "clerkId", 64);
        Check.text(clerkName, "clerkName", 100);
    }
}
