package org.govkiosk.print.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.govkiosk.print.PdfInspection;
import org.govkiosk.print.Samples;
import org.govkiosk.print.model.Align;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.model.ImageData;
import org.govkiosk.print.model.Medium;
import org.govkiosk.print.model.TextStyle;
import org.junit.jupiter.api.Test;

/** An image is encoded once per content, whatever renderer or document draws it, and bounded in number. */
class PdfImageCacheTest {

    @Test
    void theSameImageIsEncodedOnceForAllDocumentsAndRenderers() {
        PdfImageCache cache = new PdfImageCache(4);
        for (int i = 0; i < 3; i++) {
            // a fresh renderer and a fresh copy of the bytes each time, as the terminal's print service makes them
            PdfRenderer renderer = new PdfRenderer(Samples.font(), PdfPageLayout.A4_DEFAULT, cache);
            byte[] pdf = renderer.render(sealed("第" + i + "份", new ImageData(Samples.seal().bytes())));
            assertThat(PdfInspection.text(pdf)).contains("第" + i + "份");
        }
        assertThat(cache.encodings()).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void theLeastRecentlyUsedImageMakesRoomBeyondCapacity() {
        PdfImageCache cache = new PdfImageCache(2);
        ImageData a = png(0xFF0000);
        ImageData b = png(0x00FF00);
        ImageData c = png(0x0000FF);

        cache.prepare(a);
        cache.prepare(b);
        cache.prepare(a); // a is now the most recently used
        cache.prepare(c); // b goes
        assertThat(cache.encodings()).isEqualTo(3);
        cache.prepare(a);
        assertThat(cache.encodings()).isEqualTo(3);
        cache.prepare(b);
        assertThat(cache.encodings()).isEqualTo(4);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aBrokenImageFailsEveryTimeAndIsNotKept() {
        PdfImageCache cache = new PdfImageCache(2);
        ImageData broken = new ImageData(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0});

        assertThatThrownBy(() -> cache.prepare(broken)).isInstanceOfAny(IllegalStateException.class,
                UncheckedIOException.class);
        assertThatThrownBy(() -> cache.prepare(broken)).isInstanceOfAny(IllegalStateException.class,
                UncheckedIOException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void prepareTellsWhatTheImageAddsToEachPdf() {
        PdfImageCache cache = new PdfImageCache(1);
        int bytes = cache.prepare(Samples.seal());

        byte[] withSeal = new PdfRenderer(Samples.font(), PdfPageLayout.A4_DEFAULT, cache)
                .render(sealed("印章", Samples.seal()));
        byte[] without = new PdfRenderer(Samples.font(), PdfPageLayout.A4_DEFAULT, cache)
                .render(new Document("t", "印章", Medium.A4, List.of(new Block.Paragraph("印章", TextStyle.BODY))));

        assertThat(bytes).isPositive();
        // the image streams plus their dictionaries and cross-reference entries
        assertThat(withSeal.length - without.length).isBetween(bytes, bytes + 1024);
    }

    @Test
    void capacityMustBePositive() {
        assertThatThrownBy(() -> new PdfImageCache(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
    }

    private static Document sealed(String text, ImageData seal) {
        return new Document("t", "印章", Medium.A4, List.of(new Block.Paragraph(text, TextStyle.BODY),
                new Block.Image(seal, 40, Align.RIGHT, true)));
    }

    private static ImageData png(int rgb) {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, rgb);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ImageData(out.toByteArray());
    }
}
