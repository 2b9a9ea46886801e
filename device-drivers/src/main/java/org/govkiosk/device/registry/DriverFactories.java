package org.govkiosk.device.registry;

import java.util.List;
import org.govkiosk.device.driver.DriverFactory;
import org.govkiosk.device.driver.escpos.ReceiptPrinterDriverFactory;
import org.govkiosk.device.driver.idcard.IdCardReaderDriverFactory;
import org.govkiosk.device.driver.qr.SerialQrScannerDriverFactory;

/** The drivers this build knows, one factory per device family. */
public final class DriverFactories {

    private DriverFactories() {
    }

    public static List<DriverFactory> builtIn() {
        // Specific drivers of a family (chosen by model) come before the family's catch-all.
        return List.of(new IdCardReaderDriverFactory(),
                new org.govkiosk.device.driver.wedge.KeyboardWedgeScannerDriverFactory(),
                new org.govkiosk.device.driver.camera.CameraQrScannerDriverFactory(),
                new org.govkiosk.device.driver.camera.uvc.UvcCameraDriverFactory(),
                new SerialQrScannerDriverFactory(),
                new org.govkiosk.device.driver.cups.CupsDocumentPrinterDriverFactory(),
                new org.govkiosk.device.driver.smartcard.SmartCardReaderDriverFactory(),
                new org.govkiosk.device.driver.ratingpad.RatingPadDriverFactory(),
                new ReceiptPrinterDriverFactory());
    }
}
