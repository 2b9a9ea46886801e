package org.govkiosk.api;

/**
 * One required material of a case.
 *
 * @param code      the item's material code
 * @param status    whether it came with the case
 * @param source    how it came; {@code null} when {@link Status#MISSING}
 * @param reference what identifies it: an e-licence number, a scanned file's SHA-256; optional
 */
public record Material(String code, String name, Status status, Source source, String reference) {

    public enum Status {
        PROVIDED,
        MISSING,
        /** 容缺受理: missing, but the citizen signed a commitment (告知承诺) to bring it. */
        WAIVED_BY_COMMITMENT
    }

    public enum Source { PAPER, SCAN, E_LICENCE, PLATFORM_SHARED }

    public Material {
        Check.text(code, "materials.code", 64);
        Check.text(name, "materials.name", 200);
        Check.present(status, "materials.status");
        Check.optionalText(reference, "materials.reference", 200);
    }
}
