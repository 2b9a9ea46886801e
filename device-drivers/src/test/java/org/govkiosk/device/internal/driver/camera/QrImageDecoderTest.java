package org.govkiosk.device.internal.driver.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ZXing on pictures a document camera could take: 1280×720, turned, inverted, noisy, several codes, none. */
class QrImageDecoderTest {

    private static final String LICENCE = "https://zwfw.example.gov.cn/elic?c=E3301000000123456789&t=1718000000";

    private final QrImageDecoder decoder = new QrImageDecoder();

    private List<String> texts(BufferedImage image) {
        return decoder.decode(image).stream().map(DecodedCode::text).toList();
    }

    @Test
    void findsAnUprightCode() {
        assertThat(texts(QrPictures.frame().with(LICENCE, 0).image())).containsExactly(LICENCE);
    }

    @ParameterizedTest(name = "turned {0}°")
    @ValueSource(ints = {90, 180, 270, 17, 33, 45, 62, 135, 211, 318})
    void findsATurnedCode(int degrees) {
        assertThat(texts(QrPictures.frame().with(LICENCE, degrees).image())).containsExactly(LICENCE);
    }

    /** Small codes far off the axes defeat the finder-pattern scan; the frame turned by 45° brings them back. */
    @ParameterizedTest(name = "3 px modules turned {0}°")
    @ValueSource(ints = {25, 35, 40, 55, 60})
    void findsASmallCodeFarOffTheAxes(int degrees) {
        assertThat(texts(QrPictures.frame().with(LICENCE, 3, 640, 360, degrees).image())).containsExactly(LICENCE);
    }

    @Test
    void findsAnInvertedCode() {
        BufferedImage image = QrPictures.frame().with(LICENCE, 0).inverted().image();
        assertThat(texts(image)).containsExactly(LICENCE);
    }

    @Test
    void findsAnInvertedTurnedCode() {
        assertThat(texts(QrPictures.frame().with(LICENCE, 130).inverted().image())).containsExactly(LICENCE);
    }

    @Test
    void findsTwoCodesInOneFrameInReadingOrder() {
        BufferedImage image = QrPictures.frame()
                .with("SECOND-RIGHT", 6, 960, 360, 0)
                .with("FIRST-LEFT", 6, 320, 360, 90)
                .image();
        assertThat(texts(image)).containsExactly("FIRST-LEFT", "SECOND-RIGHT");
    }

    @Test
    void findsACodeInANoisyJpeg() throws IOException {
        byte[] jpeg = QrPictures.frame().with(LICENCE, 4, 500, 300, 12).noise(18, 7).jpeg();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(texts(image)).containsExactly(LICENCE);
    }

    @Test
    void keepsChineseText() {
        String text = "办结证明 BJZM202503280007 示例市市场监督管理局";
        assertThat(texts(QrPictures.frame().with(text, 6, 640, 360, 0).image())).containsExactly(text);
    }

    @Test
    void reportsTheSameCodeOnce() {
        BufferedImage image = QrPictures.frame()
                .with("SAME", 5, 300, 360, 0)
                .with("SAME", 5, 900, 360, 0)
                .image();
        assertThat(texts(image)).containsExactly("SAME");
    }

    @Test
    void findsNothingInNoise() {
        assertThat(decoder.decode(QrPictures.frame().noise(60, 3).image())).isEmpty();
    }

    @Test
    void findsNothingInABlankFrame() {
        assertThat(decoder.decode(QrPictures.frame().image())).isEmpty();
    }

    @Test
    void readsGreyPicturesWithoutConversion() {
        BufferedImage colour = QrPictures.frame().with(LICENCE, 0).image();
        BufferedImage grey = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(colour, 0, 0, null);
        assertThat(texts(grey)).containsExactly(LICENCE);
    }

    /** The fast paths over pixel buffers give the same grey levels as the slow path through getRGB. */
    @ParameterizedTest(name = "image type {0}")
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
            BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_USHORT_565_RGB})
    void greyLevelsAreTheSameWhateverThePixelLayout(int type) {
        java.util.Random random = new java.util.Random(type);
        BufferedImage image = new BufferedImage(37, 23, type);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, 0xFF000000 | random.nextInt(0x1000000));
            }
        }
        if (image.getColorModel().hasAlpha()) {
            image.setRGB(5, 5, 0x00000000);
        }
        byte[] grey = QrImageDecoder.luminance(image).getMatrix();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int expected = (p >>> 24) == 0 ? 0xFF
                        : (((p >> 16) & 0xFF) * 306 + ((p >> 8) & 0xFF) * 601 + (p & 0xFF) * 117) >> 10;
                assertThat(grey[y * image.getWidth() + x] & 0xFF).as("pixel %d,%d", x, y).isEqualTo(expected);
            }
        }
        if (image.getColorModel().hasAlpha()) {
            assertThat(grey[5 * image.getWidth() + 5] & 0xFF).as("transparent is white").isEqualTo(0xFF);
        }
    }

    @Test
    void aCutOutOfALargerPictureIsReadWhereItIs() {
        BufferedImage whole = QrPictures.frame().with(LICENCE, 5, 1000, 500, 0).image();
        BufferedImage cut = whole.getSubimage(700, 200, 580, 520);
        assertThat(texts(cut)).containsExactly(LICENCE);
    }

    @Test
    void decodedCodeNeverPrintsItsPayload() {
        assertThat(new DecodedCode(LICENCE, 1, 2).toString()).doesNotContain("E3301000000123456789")
                .contains("length=" + LICENCE.length());
    }
}
