package org.govkiosk.device.registry;

import java.util.List;
import java.util.Optional;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.driver.DriverFactory;
import org.govkiosk.device.idcard.PhotoDecoder;
import org.govkiosk.device.internal.driver.escpos.ReceiptPrinterDriverFactory;
import org.govkiosk.device.internal.driver.idcard.IdCardReaderDriverFactory;
import org.govkiosk.device.internal.driver.qr.SerialQrScannerDriverFactory;

/** The drivers this build knows, one factory per device family. */
public final class DriverFactories {

    private DriverFactories() {
    }

    public static List<DriverFactory> builtIn() {
        // Specific drivers of a family (chosen by model) come before the family's catch-all.
        return List.of(new IdCardReaderDriverFactory(),
                new org.govkiosk.device.internal.driver.wedge.KeyboardWedgeScannerDriverFactory(),
                new org.govkiosk.device.internal.driver.camera.CameraQrScannerDriverFactory(),
                new org.govkiosk.device.internal.driver.camera.uvc.UvcCameraDriverFactory(),
                new SerialQrScannerDriverFactory(),
                new org.govkiosk.device.internal.driver.cups.CupsDocumentPrinterDriverFactory(),
                new org.govkiosk.device.internal.driver.smartcard.SmartCardReaderDriverFactory(),
                new org.govkiosk.device.internal.driver.ratingpad.RatingPadDriverFactory(),
                new ReceiptPrinterDriverFactory());
    }

    /**
     * The licensed photo decoder an ID card reader's config names ({@code options.photo-decoder}), loaded; empty
     * when it names none (the card's photo then stays encoded).
     *
     * @throws IllegalArgumentException when the named library cannot be loaded
     */
    public static Optional<PhotoDecoder> photoDecoder(DeviceConfig idCardReader) {
        if (idCardReader.option(IdCardReaderDriverFactory.PHOTO_DECODER).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(IdCardReaderDriverFactory.photoDecoder(idCardReader));
    }
}
