package org.govkiosk.print.escpos;

import java.util.Objects;

/**
 * How receipts are printed on one printer model.
 *
 * @param nativeQr     use the printer's own QR command ({@code GS ( k}); false prints QR codes as raster images,
 *                     for printers without it
 * @param qrModuleDots QR module size in dots (1-16); 6 dots = 0.75 mm scans well from thermal paper
 */
public record EscPosSettings(ReceiptPaper paper, boolean nativeQr, int qrModuleDots) {

    public EscPosSettings {
        Objects.requireNonNull(paper, "paper");
        if (qrModuleDots < 1 || qrModuleDots > 16) {
            throw new IllegalArgumentException("QR module size must be 1..16 dots");
        }
    }

    public static EscPosSettings of(ReceiptPaper paper) {
        return new EscPosSettings(paper, true, 6);
    }
}
