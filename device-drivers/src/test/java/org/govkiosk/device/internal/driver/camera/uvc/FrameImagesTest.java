package org.govkiosk.device.internal.driver.camera.uvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FrameImagesTest {

    @Test
    void grayRowsPaddedToFourBytesAreReadWithoutThePadding() {
        // 3 pixels wide: GStreamer pads each GRAY8 row to 4 bytes.
        ByteBuffer b = ByteBuffer.wrap(new byte[] {1, 2, 3, 99, 4, 5, 6, 99});
        BufferedImage img = FrameImages.copy(b, 3, 2, true);
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(img.getRaster().getSample(2, 1, 0)).isEqualTo(6);
        assertThat(img.getRaster().getSample(0, 1, 0)).isEqualTo(4);
    }

    @Test
    void bgrxBytesBecomeRgbPixels() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {0x30, 0x20, 0x10, 0, (byte) 0xFF, 0, 0, 0});
        BufferedImage img = FrameImages.copy(b, 2, 1, false);
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x102030);
        assertThat(img.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x0000FF);
    }

    @Test
    void aBufferSmallerThanTheFrameIsRefusedNotReadPastItsEnd() {
        assertThatThrownBy(() -> FrameImages.copy(ByteBuffer.allocate(10), 4, 4, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs at least 16 bytes, got 10");
    }
}
