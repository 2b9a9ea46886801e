package org.govkiosk.device.internal.driver.camera;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Objects;

/**
 * One picture from a camera or document camera.
 *
 * @param name where it came from (a file name), for logs; never a payload
 * @param arrivedAt when the source took it
 */
public record Frame(String name, BufferedImage image, Instant arrivedAt) {

    public Frame {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
    }
}
