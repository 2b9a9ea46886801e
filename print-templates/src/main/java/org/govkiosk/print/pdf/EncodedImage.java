package org.govkiosk.print.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * An image already encoded as the bytes of a PDF image stream (Flate or DCT), with what its dictionary needs.
 * Encoding is the expensive part of embedding an image; this form is encoded once and copied into each document
 * ({@link #addTo}), because a PDFBox image object belongs to the one document it was made for.
 *
 * <p>Made only by {@link PdfImageEncoder} and never changed after, so the arrays are shared rather than copied.
 *
 * @param palette RGB triples of an {@link Colours#INDEXED} image, else null
 * @param decode the image's Decode array (an Adobe CMYK JPEG is stored inverted), or null for the default
 * @param softMask the alpha channel as a DeviceGray image, or null when the image is opaque
 */
record EncodedImage(int width, int height, int bitsPerComponent, Colours colours, byte[] palette, Filter filter,
        byte[] data, float[] decode, EncodedImage softMask) {

    enum Colours { GRAY, RGB, CMYK, INDEXED }

    enum Filter {
        FLATE(COSName.FLATE_DECODE), DCT(COSName.DCT_DECODE);

        final COSName name;

        Filter(COSName name) {
            this.name = name;
        }
    }

    EncodedImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image without pixels: " + width + "x" + height);
        }
        Objects.requireNonNull(colours, "colours");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(data, "data");
        if ((colours == Colours.INDEXED) != (palette != null)) {
            throw new IllegalArgumentException("a palette goes with indexed colours, and only with them");
        }
        if (palette != null && (palette.length % 3 != 0 || palette.length == 0 || palette.length > 3 * 256)) {
            throw new IllegalArgumentException("palette of " + palette.length + " bytes");
        }
        if (softMask != null && (softMask.colours != Colours.GRAY || softMask.softMask != null)) {
            throw new IllegalArgumentException("a soft mask is a plain gray image");
        }
    }

    /** Bytes this image adds to a PDF (stream data of the image and its mask). */
    int encodedLength() {
        return data.length + (palette == null ? 0 : palette.length) + (softMask == null ? 0 : softMask.encodedLength());
    }

    /** A new image object in {@code doc} holding these bytes as they are: nothing is decoded or compressed again. */
    PDImageXObject addTo(PDDocument doc) {
        try {
            PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(data), filter.name, width,
                    height, bitsPerComponent, null);
            image.getCOSObject().setItem(COSName.COLORSPACE, colourSpace());
            if (decode != null) {
                COSArray array = new COSArray();
                for (float d : decode) {
                    array.add(new COSFloat(d));
                }
                image.getCOSObject().setItem(COSName.DECODE, array);
            }
            if (softMask != null) {
                image.getCOSObject().setItem(COSName.SMASK, softMask.addTo(doc));
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add image to PDF", e);
        }
    }

    private COSBase colourSpace() {
        return switch (colours) {
            case GRAY -> PDDeviceGray.INSTANCE.getCOSObject();
            case RGB -> PDDeviceRGB.INSTANCE.getCOSObject();
            case CMYK -> PDDeviceCMYK.INSTANCE.getCOSObject();
            case INDEXED -> {
                COSArray indexed = new COSArray();
                indexed.add(COSName.INDEXED);
                indexed.add(COSName.DEVICERGB);
                indexed.add(COSInteger.get(palette.length / 3 - 1L));
                indexed.add(new COSString(palette));
                yield indexed;
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedImage e && width == e.width && height == e.height
                && bitsPerComponent == e.bitsPerComponent && colours == e.colours && filter == e.filter
                && Arrays.equals(palette, e.palette) && Arrays.equals(data, e.data) && Arrays.equals(decode, e.decode)
                && Objects.equals(softMask, e.softMask);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, colours, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "EncodedImage[" + width + "x" + height + " " + colours + " " + bitsPerComponent + " bit " + filter + ", "
                + data.length + " B" + (softMask == null ? "" : ", soft mask " + softMask.data.length + " B") + "]";
    }
}
