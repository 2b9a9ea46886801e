package org.govkiosk.app.ui.check;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;
import org.govkiosk.app.testkit.Screenshots;

/** Screenshots saved as PNG, and one sheet of them all so a reviewer can look at every screen at once. */
final class ContactSheet {

    private static final int THUMB_WIDTH = 360;
    private static final int COLUMNS = 5;
    private static final int CAPTION = 26;

    private record Shot(String caption, BufferedImage image, int findings) {
    }

    private final List<Shot> shots = new ArrayList<>();

    /** Saves {@code shot} as {@code file} and keeps it for the sheet. */
    void add(String caption, Image shot, int findings, Path file) throws IOException {
        // Only the thumbnail is kept: 552 full screenshots (four languages) held ~3.6 GB until the sheets were drawn.
        BufferedImage full = Screenshots.write(shot, file);
        int h = Math.max(1, full.getHeight() * THUMB_WIDTH / full.getWidth());
        BufferedImage thumb = new BufferedImage(THUMB_WIDTH, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(full, 0, 0, THUMB_WIDTH, h, null);
        g.dispose();
        shots.add(new Shot(caption, thumb, findings));
    }

    /** Writes the sheet: thumbnails in rows, each captioned, with a red caption where the check found something. */
    void write(Path file) throws IOException {
        if (shots.isEmpty()) {
            return;
        }
        int thumbHeight = shots.stream().mapToInt(s -> s.image().getHeight() * THUMB_WIDTH / s.image().getWidth())
                .max().orElse(THUMB_WIDTH);
        int rows = (shots.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage sheet = new BufferedImage(COLUMNS * (THUMB_WIDTH + 8) + 8, rows * (thumbHeight + CAPTION + 8)
                + 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x33, 0x33, 0x33));
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        for (int i = 0; i < shots.size(); i++) {
            Shot s = shots.get(i);
            int x = 8 + (i % COLUMNS) * (THUMB_WIDTH + 8);
            int y = 8 + (i / COLUMNS) * (thumbHeight + CAPTION + 8);
            int h = s.image().getHeight() * THUMB_WIDTH / s.image().getWidth();
            g.drawImage(s.image(), x, y, THUMB_WIDTH, h, null);
            g.setColor(s.findings() == 0 ? Color.WHITE : new Color(0xff, 0x6b, 0x6b));
            g.drawString(s.caption() + (s.findings() == 0 ? "" : "  (" + s.findings() + " findings)"), x,
                    y + h + 18);
        }
        g.dispose();
        Files.createDirectories(file.getParent());
        ImageIO.write(sheet, "png", file.toFile());
    }
}
