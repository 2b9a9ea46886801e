package org.govkiosk.app.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.govkiosk.api.Attachment;
import org.junit.jupiter.api.Test;

/** Camera pictures become pages the platform accepts, whatever the camera delivers. */
class PageEncoderTest {

    private static BufferedImage noise(int w, int h, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        Random random = new Random(42);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt() | 0x80000000);
            }
        }
        return image;
    }

    @Test
    void aHugeNoisyPictureIsScaledAndCompressedUntilItFits() throws Exception {
        // Noise is the worst case for JPEG: a 12-megapixel frame of it is megabytes at any ordinary quality.
        Attachment page = PageEncoder.encode(noise(4000, 3000, BufferedImage.TYPE_INT_RGB));
        assertThat(page.size()).isLessThanOrEqualTo(Attachment.MAX_BYTES);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(page.content()));
        assertThat(Math.max(back.getWidth(), back.getHeight())).isLessThanOrEqualTo(PageEncoder.MAX_LONG_EDGE);
        assertThat((double) back.getWidth() / back.getHeight()).as("the page keeps its shape")
                .isCloseTo(4.0 / 3.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(page.sha256()).isEqualTo(Attachment.sha256Hex(page.content()));
    }

    @Test
    void aSmallTransparentPngBecomesAJpegOnWhiteAtItsOwnSize() throws Exception {
        BufferedImage png = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB); // fully transparent
        Attachment page = PageEncoder.encode(png);
        assertThat(page.mediaType()).isEqualTo("image/jpeg");
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(page.content()));
        assertThat(back.getWidth()).isEqualTo(300);
        assertThat(back.getHeight()).isEqualTo(200);
        assertThat(back.getRGB(150, 100) & 0xFFFFFF).as("transparent becomes white, not black")
                .isGreaterThan(0xF0F0F0);
    }
}
