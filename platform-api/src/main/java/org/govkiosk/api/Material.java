package org.govkiosk.api;

import java.util.List;

/**
 * One required material of a case.
 *
 * @param code      the item's material code
 * @param status    whether it came with the case
 * @param source    how it came; {@code null} when {@link Status#MISSING}
 * @param reference what identifies it: an e-licence number, a scanned file's SHA-256; optional
 * @param attachments the scanned pages of a material that came as {@link Source#SCAN}; at most
 *                    {@link #MAX_ATTACHMENTS}, empty for every other material
 */
public record Material(String code, String name, Status status, Source source, String reference,
        List<Attachment> attachments) {

    public static final int MAX_ATTACHMENTS = 5;

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
        attachments = Check.list(attachments, "materials.attachments");
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw new IllegalArgumentException("materials.attachments: at most " + MAX_ATTACHMENTS + " pages, was "
                    + attachments.size());
        }
        if (!attachments.isEmpty() && (status != Status.PROVIDED || source != Source.SCAN)) {
            throw new IllegalArgumentException("materials.attachments: only a material provided as SCAN has pages");
        }
    }

    /** A material without scanned pages. */
    public Material(String code, String name, Status status, Source source, String reference) {
        this(code, name, status, source, reference, List.of());
    }

    /** The same material with its pages' content left out (kept apart by the platform). */
    public Material withoutAttachmentContent() {
        return new Material(code, name, status, source, reference,
                attachments.stream().map(Attachment::withoutContent).toList());
    }
}
