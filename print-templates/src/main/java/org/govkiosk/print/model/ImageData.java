package org.govkiosk.print.model;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * An image as encoded bytes (PNG with transparency for seals, or JPEG). Kept encoded so a document value is
 * cheap to copy and compare; renderers decode it when they draw it.
 */
public record ImageData(byte[] bytes) {

    public ImageData {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("image has no bytes");
        }
        bytes = bytes.clone();
    }

    public static ImageData read(Path file) {
        try {
            return new ImageData(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + file, e);
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Decodes the image; a file ImageIO cannot read is an error here rather than a blank spot on paper. */
    public BufferedImage decode() {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("image format not recognised (" + bytes.length + " bytes)");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode image", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageData other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "ImageData[" + bytes.length + " bytes]";
    }
}
