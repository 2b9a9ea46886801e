package org.govkiosk.device.internal.driver.camera;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads one picture file with javax.imageio, as a value that says why when it cannot. */
final class ImageFiles {

    /** What reading a file gave. */
    sealed interface ImageRead {
    }

    record Image(BufferedImage image) implements ImageRead {
    }

    record Unreadable(String reason) implements ImageRead {
    }

    private ImageFiles() {
    }

    /**
     * Reads the first image of {@code file}. The size is checked from the header before any pixel is decoded, so
     * a huge picture costs neither the heap nor seconds of decoding.
     */
    static ImageRead read(Path file, long maxPixels) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return new Unreadable("cannot be opened");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return new Unreadable("not a picture of a known format (PNG, JPEG, BMP, GIF, TIFF, WBMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    return new Unreadable(reader.getWidth(0) + "x" + reader.getHeight(0) + " pixels is more than "
                            + maxPixels / 1_000_000 + " megapixels");
                }
                BufferedImage image = reader.read(0);
                return image == null ? new Unreadable("holds no image") : new Image(image);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return new Unreadable("corrupt or truncated " + describe(e));
        } catch (RuntimeException e) {
            // Image readers throw unchecked exceptions on some malformed headers; a bad file must not stop the source.
            return new Unreadable("corrupt " + describe(e));
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return "(" + e.getClass().getSimpleName() + (m == null ? "" : ": " + m) + ")";
    }
}
