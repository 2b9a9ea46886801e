package org.govkiosk.device.internal.driver.camera.uvc;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/** Copies a mapped GStreamer video buffer (GRAY8 or BGRx, rows maybe padded) into a Java image of its own. */
final class FrameImages {

    private FrameImages() {
    }

    /**
     * @throws IllegalArgumentException when the buffer is smaller than {@code width x height} of the format: a
     *     frame is read only within its bounds
     */
    static BufferedImage copy(ByteBuffer bytes, int width, int height, boolean gray) {
        int size = bytes.remaining();
        int bytesPerPixel = gray ? 1 : 4;
        int stride = height > 0 ? size / height : 0;
        if (width <= 0 || height <= 0 || stride < width * bytesPerPixel) {
            throw new IllegalArgumentException("a " + width + "x" + height + (gray ? " GRAY8" : " BGRx")
                    + " frame needs at least " + (long) width * height * bytesPerPixel + " bytes, got " + size);
        }
        int base = bytes.position();
        if (gray) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < height; y++) {
                bytes.get(base + y * stride, data, y * width, width);
            }
            return image;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        // BGRx bytes read as little-endian ints are 0xxxRRGGBB: the layout of TYPE_INT_RGB.
        IntBuffer ints = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        int intStride = stride / 4;
        for (int y = 0; y < height; y++) {
            ints.get(y * intStride, data, y * width, width);
        }
        return image;
    }
}
