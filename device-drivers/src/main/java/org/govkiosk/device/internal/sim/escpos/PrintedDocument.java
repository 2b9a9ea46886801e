package org.govkiosk.device.internal.sim.escpos;

import java.util.List;
import org.govkiosk.device.internal.codec.escpos.PrintedElement;

/**
 * What came out of the simulated printer between two cuts. {@code torn}: the paper ran out while it printed, so
 * it is only the first part of a job (a technician would tear it off and throw it away).
 */
public record PrintedDocument(List<PrintedElement> elements, boolean torn) {

    public PrintedDocument {
        elements = List.copyOf(elements);
    }

    /** The printed text lines, in order. */
    public List<String> lines() {
        return elements.stream().filter(PrintedElement.TextLine.class::isInstance)
                .map(e -> ((PrintedElement.TextLine) e).text()).toList();
    }

    public List<String> qrPayloads() {
        return elements.stream().filter(PrintedElement.QrCode.class::isInstance)
                .map(e -> ((PrintedElement.QrCode) e).payload()).toList();
    }

    public List<PrintedElement.RasterImage> images() {
        return elements.stream().filter(PrintedElement.RasterImage.class::isInstance)
                .map(PrintedElement.RasterImage.class::cast).toList();
    }

    /** Unknown and malformed commands found in the stream: a correct renderer leaves none. */
    public List<PrintedElement> problems() {
        return elements.stream().filter(e -> e instanceof PrintedElement.Unknown
                || e instanceof PrintedElement.Malformed).toList();
    }

    /** The lines joined with newlines, for assertions that look for text anywhere on the receipt. */
    public String text() {
        return String.join("\n", lines());
    }
}
