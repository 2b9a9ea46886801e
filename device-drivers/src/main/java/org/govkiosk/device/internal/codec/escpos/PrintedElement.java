package org.govkiosk.device.internal.codec.escpos;

import java.util.List;

/**
 * What an ESC/POS stream asks the printer to do, as read back by {@link EscPosStreamParser}. Problems in the
 * stream are elements too ({@link Unknown}, {@link Malformed}), never exceptions.
 */
public sealed interface PrintedElement {

    /** One printed line (ended by LF, a feed command or a cut), decoded with the character mode in force. */
    record TextLine(String text) implements PrintedElement {
    }

    /** Text still in the print buffer when the stream ended: a real printer has not printed it yet. */
    record PendingText(String text) implements PrintedElement {
    }

    /** {@code GS ( k} QR print of the stored data; {@code errorCorrection} is L, M, Q or H. */
    record QrCode(String payload, int moduleSize, char errorCorrection) implements PrintedElement {
    }

    /** {@code GS v 0} raster image or an {@code ESC *} bit-image strip. */
    record RasterImage(int widthDots, int heightDots, int mode) implements PrintedElement {
    }

    /** {@code GS k} barcode; {@code system} is the m parameter. */
    record Barcode(int system, String data) implements PrintedElement {
    }

    /** {@code GS V} (or the obsolete {@code ESC i / ESC m}). */
    record Cut(boolean partial) implements PrintedElement {
    }

    /** {@code DLE EOT n}: the host asks for a status byte. */
    record StatusQuery(StatusRequest request) implements PrintedElement {
    }

    /** {@code ESC @}: buffer cleared, modes reset. */
    record Initialize() implements PrintedElement {
    }

    /**
     * A known command that changes no printed content by itself (style, alignment, spacing, code page, drawer
     * kick...). {@code params} are the bytes after the command name, at most the first 16.
     */
    record Command(String name, List<Integer> params) implements PrintedElement {
        public Command {
            params = List.copyOf(params);
        }
    }

    /** A command this parser does not know; {@code hex} holds the bytes it skipped to resync. */
    record Unknown(long offset, String hex) implements PrintedElement {
    }

    /** A known command with impossible parameters, or cut off by the end of the stream. */
    record Malformed(long offset, String reason, String hex) implements PrintedElement {
    }
}
