package org.govkiosk.app.diag;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.print.data.PrinterTestPageData;
import org.govkiosk.print.escpos.EscPosRenderer;
import org.govkiosk.print.escpos.EscPosSettings;
import org.govkiosk.print.escpos.ReceiptPaper;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.model.Medium;
import org.govkiosk.print.pdf.CjkFont;
import org.govkiosk.print.pdf.FontLocator;
import org.govkiosk.print.pdf.PdfRenderer;
import org.govkiosk.print.template.TemplateRepository;

/**
 * The page a technician prints to check a printer after changing paper or a part, from the hall's
 * printer-test-page template: Chinese and Latin text, a rule, a QR code and a cut, so each of the printer's
 * functions shows on paper. It carries no personal data.
 */
final class TestPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final DeviceConfig device;
    private final Optional<TerminalConfig> terminal;
    private final TemplateRepository templates;
    private final Instant at;
    private final String jobId;

    TestPage(DeviceConfig device, Optional<TerminalConfig> terminal, TemplateRepository templates, Instant at) {
        this.device = device;
        this.terminal = terminal;
        this.templates = templates;
        this.at = at;
        this.jobId = "diag-test-" + at.toEpochMilli();
    }

    String jobId() {
        return jobId;
    }

    PrinterTestPageData data() {
        return new PrinterTestPageData(terminal.map(t -> t.terminal().id()).orElse("-"), device.id(),
                device.family().configName() + " / " + device.model(), device.transport().describe(),
                TIME.format(at.atZone(ZoneId.systemDefault())), jobId);
    }

    /** The filled template, on the medium asked for (the same content on a receipt or on A4). */
    Document document(Medium medium) {
        Document filled = templates.fill(data());
        return new Document(filled.templateId(), filled.title(), medium, filled.blocks());
    }

    byte[] escPos() {
        int width = terminal.map(t -> t.print().receiptWidth()).orElse(80);
        return new EscPosRenderer(EscPosSettings.of(width == 58 ? ReceiptPaper.MM58 : ReceiptPaper.MM80))
                .render(document(Medium.RECEIPT));
    }

    /** Needs a CJK font: the one terminal.yaml names, else the system's (as the terminal finds it). */
    byte[] pdf() {
        FontLocator fonts = FontLocator.of(terminal.flatMap(t -> t.print().fontPath()));
        return new PdfRenderer(CjkFont.shared(fonts)).render(document(Medium.A4));
    }
}
