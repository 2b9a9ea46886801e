package org.govkiosk.api;

/**
 * What a hall's published rating page (公开评价结果) shows beyond departments and items.
 *
 * @param showClerks true: a table per clerk id as well (no names, never citizen data); false by default
 */
public record RatingPublication(String hallCode, Boolean showClerks, String updatedBy) {

    public RatingPublication {
        Check.text(hallCode, "hallCode", 64);
        Check.present(showClerks, "showClerks");
        Check.text(updatedBy, "updatedBy", 64);
    }
}
