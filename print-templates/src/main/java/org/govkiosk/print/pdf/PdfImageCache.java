package org.govkiosk.print.pdf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.govkiosk.print.model.ImageData;

/**
 * Images encoded for PDF, kept by content so that the same seal on every certificate is decoded and compressed
 * once, not per document (that was most of a certificate's render time). Keyed by {@link ImageData}, whose
 * equality is its bytes; the least recently used entry goes when more than {@code capacity} distinct images
 * have been seen, so a stream of one-off images (photos) cannot grow it without bound.
 */
public final class PdfImageCache {

    private static final PdfImageCache SHARED = new PdfImageCache(16);

    private final int capacity;
    private final Map<ImageData, EncodedImage> entries;
    private final AtomicLong encodings = new AtomicLong();

    public PdfImageCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("image cache capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ImageData, EncodedImage> eldest) {
                return size() > PdfImageCache.this.capacity;
            }
        };
    }

    /**
     * The cache of this JVM. A terminal makes a {@link PdfRenderer} per document, so the encoded seal must outlive
     * the renderer, as the parsed font does.
     */
    public static PdfImageCache shared() {
        return SHARED;
    }

    /** The encoded form of {@code image}, encoded now if it is not held; a broken image file throws each time. */
    EncodedImage encoded(ImageData image) {
        synchronized (entries) {
            EncodedImage held = entries.get(image);
            if (held != null) {
                return held;
            }
        }
        // encoded outside the lock: two threads may both encode a new image once, and neither waits on the other
        EncodedImage encoded = PdfImageEncoder.encode(image);
        encodings.incrementAndGet();
        synchronized (entries) {
            EncodedImage raced = entries.putIfAbsent(image, encoded);
            return raced != null ? raced : encoded;
        }
    }

    /**
     * Encodes {@code image} now unless it is held, e.g. the configured seal at start, so the first certificate
     * does not pay for it; a broken image file fails here too.
     *
     * @return the bytes the image adds to each PDF it is drawn in (image and soft mask streams)
     */
    public int prepare(ImageData image) {
        return encoded(image).encodedLength();
    }

    /** How many times an image was encoded (not found here): one per distinct image while it fits. */
    public long encodings() {
        return encodings.get();
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
