package org.govkiosk.app.journey;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a citizen commits to when materials are deferred (容缺受理): which materials (names as the catalog gives them,
 * and their codes in the case), within how many working days, and the last day, counted on the working calendar.
 * The screen shows it as the commitment text ({@code apply.deferral.terms}); the citizen's acceptance of it is sent
 * with the case and printed as the 容缺受理承诺书.
 *
 * @param days     the fewest 容缺 days among the deferred materials (catalog {@code deferral-days}): all are due then
 * @param deadline the last of those working days from today
 */
public record DeferralTerms(List<String> materials, List<String> codes, int days, LocalDate deadline) {

    /**
     * The version of the commitment's wording (the bundles' {@code apply.deferral.terms} and {@code apply.commitment},
     * the deferral-commitment template): sent with every acceptance; change it when the wording changes.
     */
    public static final String TEXT_VERSION = "RQCN-2026.1";

    public DeferralTerms {
        materials = List.copyOf(materials);
        codes = List.copyOf(codes);
        if (materials.isEmpty() || materials.size() != codes.size()) {
            throw new IllegalArgumentException("deferral terms need the deferred materials with their codes");
        }
        if (days < 1) {
            throw new IllegalArgumentException("deferral days must be at least 1, got " + days);
        }
        Objects.requireNonNull(deadline, "deadline");
    }
}
