package org.govkiosk.app.testkit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.WritablePixelFormat;
import javax.imageio.ImageIO;

/** A rendered JavaFX image as a PNG a reviewer can open (java.desktop's ImageIO; no javafx-swing needed). */
public final class Screenshots {

    private Screenshots() {
    }

    public static BufferedImage toAwt(Image fx) {
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        int[] argb = new int[w * h];
        fx.getPixelReader().getPixels(0, 0, w, h, WritablePixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    /** Writes {@code image} to {@code file} as PNG, making its folder; returns what was written. */
    public static BufferedImage write(Image image, Path file) throws IOException {
        BufferedImage png = toAwt(image);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(png, "png", file.toFile());
        return png;
    }
}
