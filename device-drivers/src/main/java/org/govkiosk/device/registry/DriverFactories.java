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
        return List.of(new IdCardReaderDriverFactory(), new SerialQrScannerDriverFactory(),
                new org.govkiosk.device.driver.cups.CupsDocumentPrinterDriverFactory(),
                new org.govkiosk.device.driver.smartcard.SmartCardReaderDriverFactory(),
                new ReceiptPrinterDriverFactory());
    }
}
