package org.govkiosk.platform.cases;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A one-page A4 PDF of plain text lines, written by hand. The platform holds no PDF library (it may depend on the
 * API types only), and a result notice needs none: the text uses the standard Chinese font STSong-Light through
 * the predefined UniGB-UTF16-H CMap, which every PDF reader and printer driver resolves to an installed CJK
 * font, so nothing is embedded and a page stays a few kilobytes.
 */
final class ResultPdf {

    /** How a line sits on the page. */
    enum Align { LEFT, CENTER, RIGHT }

    record Line(String text, float size, Align align, float gapAfter) {
    }

    private static final float WIDTH = 595.28f;
    private static final float HEIGHT = 841.89f;
    private static final float MARGIN = 72f;

    private final List<Line> lines = new ArrayList<>();

    ResultPdf add(String text, float size, Align align, float gapAfter) {
        // Long values (an item name may be 200 characters) wrap to the text width rather than run off the page.
        for (String part : wrap(text, size)) {
            lines.add(new Line(part, size, align, 0));
        }
        Line last = lines.remove(lines.size() - 1);
        lines.add(new Line(last.text(), last.size(), last.align(), gapAfter));
        return this;
    }

    byte[] toBytes() {
        StringBuilder content = new StringBuilder();
        float y = HEIGHT - MARGIN;
        for (Line line : lines) {
            y -= line.size() * 1.5f;
            float width = width(line.text(), line.size());
            float x = switch (line.align()) {
                case LEFT -> MARGIN;
                case CENTER -> (WIDTH - width) / 2;
                case RIGHT -> WIDTH - MARGIN - width;
            };
            content.append(String.format(Locale.ROOT, "BT /F1 %.1f Tf %.2f %.2f Td <%s> Tj ET%n", line.size(), x, y,
                    HexFormat.of().formatHex(line.text().getBytes(StandardCharsets.UTF_16BE))));
            y -= line.gapAfter();
        }
        byte[] stream = content.toString().getBytes(StandardCharsets.US_ASCII);
        List<String> objects = java.util.Arrays.asList(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                String.format(Locale.ROOT, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f]"
                        + " /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>", WIDTH, HEIGHT),
                null, // the page's content stream, written below with its length
                "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H"
                        + " /DescendantFonts [6 0 R] >>",
                "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
                        + " /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >>"
                        + " /FontDescriptor 7 0 R /DW 1000 >>",
                "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
                        + " /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n");
            if (objects.get(i) == null) {
                write(out, "<< /Length " + stream.length + " >>\nstream\n");
                out.writeBytes(stream);
                write(out, "endstream");
            } else {
                write(out, objects.get(i));
            }
            write(out, "\nendobj\n");
        }
        int xref = out.size();
        write(out, "xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            write(out, String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        write(out, "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    /** STSong-Light: Chinese characters are one em wide, ASCII about half. */
    private static float width(String text, float size) {
        float ems = 0;
        for (int i = 0; i < text.length(); i++) {
            ems += text.charAt(i) < 0x80 ? 0.5f : 1f;
        }
        return ems * size;
    }

    private static List<String> wrap(String text, float size) {
        float max = WIDTH - 2 * MARGIN;
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (width(current + ch, size) > max && current.length() > 0) {
                parts.add(current.toString());
                current.setLength(0);
                current.append("　　");
            }
            current.append(ch);
            i += Character.charCount(cp);
        }
        parts.add(current.toString());
        return parts;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
