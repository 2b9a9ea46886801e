package org.govkiosk.app.catalog;

import java.util.List;

/**
 * What the item costs. A free item still states why it is free ({@code basis}), since the guide must show fees and
 * their basis either way (八公开).
 */
public record Fees(boolean free, List<Fee> items, String basis) {

    public Fees {
        items = List.copyOf(items);
        if (free != items.isEmpty()) {
            throw new IllegalArgumentException(free ? "a free item lists no fees" : "a charged item lists its fees");
        }
    }
}
