package org.govkiosk.print.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.govkiosk.print.Samples;
import org.govkiosk.print.model.ImageData;
import org.govkiosk.print.pdf.EncodedImage.Colours;
import org.govkiosk.print.pdf.EncodedImage.Filter;
import org.junit.jupiter.api.Test;

/**
 * Each kind of image is stored in the form the encoder picks for it, and comes back out of a saved PDF with the
 * same pixels: the encoding is lossless where it matters (every visible colour, every level of transparency).
 */
class PdfImageEncoderTest {

    private static final int SEAL_RED = 0xD81E1E;

    @Test
    void oneColourWithGradedTransparencyIsAOneBitPaletteAndAnEightBitSoftMask() throws IOException {
        BufferedImage seal = image(37, 23, (x, y) -> ((x * 7 + y * 11) % 256) << 24 | SEAL_RED);

        EncodedImage encoded = PdfImageEncoder.encode(seal);

        assertThat(encoded.colours()).isEqualTo(Colours.INDEXED);
        assertThat(encoded.bitsPerComponent()).isEqualTo(1);
        assertThat(encoded.palette()).containsExactly(0xD8, 0x1E, 0x1E);
        assertThat(encoded.softMask()).isNotNull();
        assertThat(encoded.softMask().bitsPerComponent()).isEqualTo(8);
        assertSamePixels(seal, roundTrip(encoded));
    }

    @Test
    void theDemoSealIsOneColourAndItsPdfFormIsMuchSmallerThanItsPng() {
        ImageData seal = Samples.seal();

        EncodedImage encoded = PdfImageEncoder.encode(seal);

        assertThat(encoded.colours()).isEqualTo(Colours.INDEXED);
        assertThat(encoded.palette()).hasSize(3);
        assertThat(encoded.softMask()).isNotNull();
        assertThat(encoded.encodedLength()).isLessThan(seal.bytes().length * 2 / 3);
    }

    @Test
    void fewColoursOpaqueIsAPaletteWithoutMask() throws IOException {
        int[] colours = {0xFF0000, 0x00FF00, 0x0000FF};
        BufferedImage img = image(13, 9, (x, y) -> 0xFF000000 | colours[(x + y) % 3]);

        EncodedImage encoded = PdfImageEncoder.encode(img);

        assertThat(encoded.colours()).isEqualTo(Colours.INDEXED);
        assertThat(encoded.bitsPerComponent()).isEqualTo(2);
        assertThat(encoded.softMask()).isNull();
        assertSamePixels(img, roundTrip(encoded));
    }

    @Test
    void paletteOfSeventeenColoursUsesEightBitIndices() throws IOException {
        BufferedImage img = image(17, 5, (x, y) -> 0xFF000000 | x * 0x0F0301 + 0x200000);

        EncodedImage encoded = PdfImageEncoder.encode(img);

        assertThat(encoded.colours()).isEqualTo(Colours.INDEXED);
        assertThat(encoded.bitsPerComponent()).isEqualTo(8);
        assertSamePixels(img, roundTrip(encoded));
    }

    @Test
    void manyGraysAreGrayAndManyColoursAreRgb() throws IOException {
        BufferedImage ramp = image(200, 3, (x, y) -> 0xFF000000 | (x * 0x010101));
        Random random = new Random(4);
        BufferedImage photo = image(31, 29, (x, y) -> 0xFF000000 | random.nextInt(0x1000000));

        EncodedImage gray = PdfImageEncoder.encode(ramp);
        EncodedImage rgb = PdfImageEncoder.encode(photo);

        assertThat(gray.colours()).isEqualTo(Colours.GRAY);
        assertThat(rgb.colours()).isEqualTo(Colours.RGB);
        assertThat(rgb.softMask()).isNull();
        assertSamePixels(ramp, roundTrip(gray));
        assertSamePixels(photo, roundTrip(rgb));
    }

    @Test
    void clearOrOpaqueOnlyGetsAOneBitMask() throws IOException {
        BufferedImage img = image(21, 11, (x, y) -> (x + y) % 4 == 0 ? 0 : 0xFF000000 | SEAL_RED);

        EncodedImage encoded = PdfImageEncoder.encode(img);

        assertThat(encoded.softMask().bitsPerComponent()).isEqualTo(1);
        assertSamePixels(img, roundTrip(encoded));
    }

    @Test
    void aJpegIsEmbeddedAsItIs() throws IOException {
        BufferedImage photo = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                photo.setRGB(x, y, x * 6 << 16 | y * 8 << 8 | 0x40);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpeg", jpeg);

        EncodedImage encoded = PdfImageEncoder.encode(new ImageData(jpeg.toByteArray()));

        assertThat(encoded.filter()).isEqualTo(Filter.DCT);
        assertThat(encoded.data()).isEqualTo(jpeg.toByteArray());
        assertThat(encoded.colours()).isEqualTo(Colours.RGB);
        assertThat(encoded.width()).isEqualTo(40);
        assertThat(encoded.height()).isEqualTo(30);
        BufferedImage back = roundTrip(encoded);
        assertThat(back.getWidth()).isEqualTo(40);
        assertThat(back.getRGB(20, 15) >> 16 & 0xFF).isCloseTo(120, org.assertj.core.data.Offset.offset(12));
    }

    @Test
    void bytesThatAreNoImageFailWithAClearMessage() {
        ImageData notAnImage = new ImageData("这不是图片".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThatThrownBy(() -> PdfImageEncoder.encode(notAnImage))
                .hasMessageContaining("image format not recognised");
    }

    @Test
    void packsSamplesIntoPaddedRows() {
        // 3 pixels of 2 bits: 01 10 11 + 2 bits of padding per row
        assertThat(PdfImageEncoder.pack(new int[] {1, 2, 3, 3, 2, 1}, 3, 2, 2))
                .containsExactly(0b0110_1100, 0b1110_0100);
        assertThat(PdfImageEncoder.pack(new int[] {1, 0, 0, 0, 0, 0, 0, 0, 1}, 9, 1, 1))
                .containsExactly(0b1000_0000, 0b1000_0000);
    }

    /** Writes the image into a saved PDF, loads it back and lets PDFBox decode it with its soft mask applied. */
    private static BufferedImage roundTrip(EncodedImage encoded) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(encoded.addTo(doc), 10, 10, 100, 100);
            }
            doc.save(out);
        }
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            PDPage page = doc.getPage(0);
            COSName name = page.getResources().getXObjectNames().iterator().next();
            PDImageXObject image = (PDImageXObject) page.getResources().getXObject(name);
            return image.getImage();
        }
    }

    /** Alpha equal everywhere; colour equal wherever a pixel can be seen at all. */
    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int e = expected.getRGB(x, y);
                int a = actual.getRGB(x, y);
                assertThat(a >>> 24).as("alpha at %d,%d", x, y).isEqualTo(e >>> 24);
                if (e >>> 24 != 0) {
                    assertThat(Integer.toHexString(a & 0xFFFFFF)).as("colour at %d,%d", x, y)
                            .isEqualTo(Integer.toHexString(e & 0xFFFFFF));
                }
            }
        }
    }

    private interface Pixels {
        int argb(int x, int y);
    }

    private static BufferedImage image(int w, int h, Pixels pixels) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, pixels.argb(x, y));
            }
        }
        return img;
    }
}
