package org.govkiosk.bench;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Where a PDF's bytes go: embedded font programs, images (seal, QR if drawn as one), page content and the rest
 * (object structure, cross-reference table), as stored (compressed). Tells which part to shrink to meet a size goal.
 */
record PdfSizeBreakdown(long total, long fonts, long images, long content, int imageCount) {

    static PdfSizeBreakdown of(byte[] pdf) throws IOException {
        long fonts = 0;
        long images = 0;
        long content = 0;
        int imageCount = 0;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSDocument cos = doc.getDocument();
            for (Map.Entry<COSObjectKey, Long> e : cos.getXrefTable().entrySet()) {
                COSBase base = cos.getObjectFromPool(e.getKey()).getObject();
                if (!(base instanceof COSStream stream)) {
                    continue;
                }
                long length = stream.getLength();
                if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                    images += length;
                    imageCount++;
                } else if (stream.containsKey(COSName.LENGTH1) || stream.containsKey(COSName.LENGTH2)
                        || COSName.getPDFName("OpenType").equals(stream.getCOSName(COSName.SUBTYPE))) {
                    fonts += length;
                } else {
                    content += length;
                }
            }
        }
        return new PdfSizeBreakdown(pdf.length, fonts, images, content, imageCount);
    }

    String describe() {
        return String.format(Locale.ROOT, "%.1f KB = font programs %.1f KB + %d images %.1f KB + other streams "
                + "(page content, CIDToGID, ToUnicode) %.1f KB + structure %.1f KB", total / 1024.0, fonts / 1024.0,
                imageCount, images / 1024.0, content / 1024.0, (total - fonts - images - content) / 1024.0);
    }
}
