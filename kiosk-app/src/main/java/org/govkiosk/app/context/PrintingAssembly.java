package org.govkiosk.app.context;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.govkiosk.app.config.ConfigException;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.printing.PrintService;
import org.govkiosk.device.DocumentPrinter;
import org.govkiosk.device.ReceiptPrinter;
import org.govkiosk.print.escpos.EscPosRenderer;
import org.govkiosk.print.escpos.EscPosSettings;
import org.govkiosk.print.escpos.ReceiptPaper;
import org.govkiosk.print.pdf.CjkFont;
import org.govkiosk.print.pdf.FontLocator;
import org.govkiosk.print.pdf.FontNotFoundException;
import org.govkiosk.print.pdf.PdfRenderer;
import org.govkiosk.print.template.TemplateException;
import org.govkiosk.print.template.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Citizens' documents on paper: the templates (configuration too: a broken one stops the terminal), the CJK font
 * for A4 documents (found after the first screen, on the render thread), and the print service over the
 * configured printers.
 */
final class PrintingAssembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrintingAssembly.class);

    private final ExecutorRegistry threads;
    private final ExecutorService renderThread;
    private final PrintService printing;

    PrintingAssembly(Path configDir, TerminalConfig.Print print, DevicesAssembly devices, StartGate afterFirstScreen,
            ExecutorRegistry threads, org.govkiosk.app.training.TrainingMode training) {
        this.threads = threads;
        Path dir = configDir.resolve(print.templatesDir());
        TemplateRepository templates;
        try {
            templates = TemplateRepository.load(dir);
        } catch (TemplateException e) {
            // Templates are configuration too: a broken one stops the terminal like a broken terminal.yaml.
            throw new ConfigException(e.problems().stream().map(p -> "templates: " + p).toList());
        }
        FontLocator fonts = FontLocator.of(print.fontPath());
        if (print.fontPath().isPresent()) {
            try {
                fonts.locate(); // a font the technician named must be usable, or the terminal does not start
            } catch (FontNotFoundException e) {
                throw new ConfigException(List.of("terminal.yaml: " + e.getMessage()));
            }
        }
        this.renderThread = threads.singleThread("print-render");
        // Searching and parsing the system's CJK font takes a second or more: on the render thread, not in the
        // way of the first screen, and done before the first citizen asks for an A4 document.
        afterFirstScreen.on(renderThread).execute(() -> {
            try {
                CjkFont.shared(fonts);
            } catch (FontNotFoundException e) {
                LOG.error("No CJK font for A4 documents; receipts still print. {}", e.getMessage());
            }
        });
        ReceiptPaper paper = print.receiptWidth() == 58 ? ReceiptPaper.MM58 : ReceiptPaper.MM80;
        this.printing = new PrintService(templates, () -> new PdfRenderer(CjkFont.shared(fonts)),
                new EscPosRenderer(EscPosSettings.of(paper)), devices.byFamily(ReceiptPrinter.class),
                devices.byFamily(DocumentPrinter.class), renderThread, training::on,
                pdf -> org.govkiosk.print.pdf.SpecimenMark.stamp(pdf, CjkFont.shared(fonts),
                        org.govkiosk.print.model.Document.SPECIMEN_TEXT));
    }

    PrintService printing() {
        return printing;
    }

    @Override
    public void close() {
        printing.close(); // lets the job being printed finish (bounded), then stops the render thread
        threads.close(renderThread);
    }
}
