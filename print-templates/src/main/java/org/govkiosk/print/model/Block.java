package org.govkiosk.print.model;

import java.util.List;
import java.util.Objects;

/** One piece of a {@link Document}, laid out top to bottom. A closed set: every renderer handles each kind. */
public sealed interface Block {

    record Heading(String text, TextStyle style) implements Block {
        public Heading {
            requireText(text);
            Objects.requireNonNull(style, "style");
        }
    }

    /** Running text; renderers wrap it (Chinese breaks between any two characters, Latin words stay whole). */
    record Paragraph(String text, TextStyle style) implements Block {
        public Paragraph {
            requireText(text);
            Objects.requireNonNull(style, "style");
        }
    }

    /** Label/value pairs such as 办件编号：…, the body of receipts and certificates. */
    record KeyValueTable(List<Entry> entries) implements Block {
        public KeyValueTable {
            entries = List.copyOf(entries);
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("key/value table without entries");
            }
        }
    }

    record Entry(String key, String value) {
        public Entry {
            requireText(key);
            requireText(value);
        }
    }

    /** A grid with a header row; {@code weights} give the relative column widths. */
    record Table(List<String> header, List<Integer> weights, List<List<String>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            weights = List.copyOf(weights);
            rows = rows.stream().map(List::copyOf).toList();
            if (header.isEmpty() || weights.size() != header.size()) {
                throw new IllegalArgumentException("table needs one weight per header column");
            }
            if (weights.stream().anyMatch(w -> w <= 0)) {
                throw new IllegalArgumentException("table column weights must be positive");
            }
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("table row has " + row.size() + " cells, header "
                            + header.size());
                }
            }
        }
    }

    /** A QR code of {@code payload}, {@code sizeMm} wide on A4 (receipts use their own module size). */
    record Qr(String payload, float sizeMm, String caption) implements Block {
        public Qr {
            requireText(payload);
            if (sizeMm <= 0) {
                throw new IllegalArgumentException("QR size must be positive");
            }
        }
    }

    /**
     * An image {@code widthMm} wide. An {@code overlay} image (a seal) is drawn over the lines just above it,
     * as a stamp covers the department's name and date, and takes no space of its own.
     */
    record Image(ImageData image, float widthMm, Align align, boolean overlay) implements Block {
        public Image {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(align, "align");
            if (widthMm <= 0) {
                throw new IllegalArgumentException("image width must be positive");
            }
        }
    }

    /** Vertical space of {@code lines} body lines. */
    record Spacer(float lines) implements Block {
    }

    record Rule(boolean dashed) implements Block {
    }

    /** Where a receipt printer cuts (partial cut); a page renderer ignores it. */
    record Cut() implements Block {
    }

    /**
     * 培训 / SPECIMEN: the paper comes from a terminal in training mode and is not valid. Printed where it stands
     * as a line of its own (large, bold, centred); a page renderer also lays it across every page, large and
     * grey, so no part of a page can be cut off and passed for a real one.
     */
    record Specimen(String text) implements Block {
        public Specimen {
            requireText(text);
        }
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty text in a document block");
        }
    }
}
