package org.govkiosk.print.data;

/**
 * 打印测试页: what a technician prints to check a printer. No personal data.
 *
 * @param model     the device's family and model, as printed
 * @param link      how the printer is connected; null when not known (the line is left out)
 * @param printedAt as printed (yyyy-MM-dd HH:mm:ss)
 * @param jobId     the print job's id; the QR code carries it
 */
public record PrinterTestPageData(
        String terminalId,
        String deviceId,
        String model,
        String link,
        String printedAt,
        String jobId) implements TemplateData {

    @Override
    public TemplateKind kind() {
        return TemplateKind.PRINTER_TEST_PAGE;
    }
}
