package org.govkiosk.app.printing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DocumentPrinter;
import org.govkiosk.device.PrintJob;
import org.govkiosk.device.PrintOutcome;
import org.govkiosk.device.ReceiptPrinter;
import org.govkiosk.print.data.TemplateData;
import org.govkiosk.print.escpos.EscPosRenderer;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.model.Medium;
import org.govkiosk.print.pdf.PdfRenderer;
import org.govkiosk.print.template.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a citizen's document on paper. A document goes to the printer its template is meant for (a receipt to the
 * thermal printer, a notice to A4); when that printer is out, or fails mid-job, the same document is rendered for
 * the other one, so a citizen leaves with their paper while any printer works. Rendering runs on its own thread:
 * never on the FX thread, and the first PDF parses the CJK font (about a second).
 */
public final class PrintService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrintService.class);

    private final TemplateRepository templates;
    private final Supplier<PdfRenderer> pdf;
    private final EscPosRenderer escPos;
    private final List<ReceiptPrinter> receiptPrinters;
    private final List<DocumentPrinter> documentPrinters;
    private final ExecutorService renderer;
    private final java.util.function.BooleanSupplier training;
    private final java.util.function.UnaryOperator<byte[]> stampPdf;

    /**
     * @param pdf supplies the PDF renderer on first use (it needs the font; a terminal without one still prints
     *            receipts)
     */
    public PrintService(TemplateRepository templates, Supplier<PdfRenderer> pdf, EscPosRenderer escPos,
            List<ReceiptPrinter> receiptPrinters, List<DocumentPrinter> documentPrinters, ExecutorService renderer) {
        this(templates, pdf, escPos, receiptPrinters, documentPrinters, renderer, () -> false, b -> b);
    }

    /**
     * As above, on a terminal that can be switched to training mode: while {@code training} says so, every paper
     * is a specimen (培训 SPECIMEN at both ends, across each page), and a ready PDF is stamped by {@code stampPdf}
     * before it prints.
     */
    public PrintService(TemplateRepository templates, Supplier<PdfRenderer> pdf, EscPosRenderer escPos,
            List<ReceiptPrinter> receiptPrinters, List<DocumentPrinter> documentPrinters, ExecutorService renderer,
            java.util.function.BooleanSupplier training, java.util.function.UnaryOperator<byte[]> stampPdf) {
        this.training = training;
        this.stampPdf = stampPdf;
        this.templates = templates;
        this.pdf = pdf;
        this.escPos = escPos;
        this.receiptPrinters = List.copyOf(receiptPrinters);
        this.documentPrinters = List.copyOf(documentPrinters);
        this.renderer = renderer;
    }

    /** Fills the template of {@code data}'s kind and prints it; never completes exceptionally. */
    public CompletableFuture<PrintResult> print(TemplateData data, String jobId) {
        return CompletableFuture.supplyAsync(() -> templates.fill(data), renderer)
                .thenCompose(document -> print(document, jobId))
                .exceptionally(e -> failed("print.failed.document", DeviceStatusDetail.NONE, false, jobId, e));
    }

    /** Prints a document built in code (e.g. a service guide); never completes exceptionally. */
    public CompletableFuture<PrintResult> print(Document document, String jobId) {
        List<Medium> order = document.medium() == Medium.RECEIPT
                ? List.of(Medium.RECEIPT, Medium.A4) : List.of(Medium.A4, Medium.RECEIPT);
        return attempt(document, jobId, order, 0, null);
    }

    /** A ready PDF (a certificate fetched from the platform): A4 only; never completes exceptionally. */
    public CompletableFuture<PrintResult> printPdf(byte[] pdfBytes, String jobId) {
        Optional<DocumentPrinter> printer = usable(documentPrinters);
        if (printer.isEmpty()) {
            return CompletableFuture.completedFuture(new PrintResult.Failed("print.failed.no-a4-printer",
                    DeviceStatusDetail.NONE, true, jobId));
        }
        CompletableFuture<byte[]> ready = training.getAsBoolean()
                ? CompletableFuture.supplyAsync(() -> stampPdf.apply(pdfBytes), renderer)
                : CompletableFuture.completedFuture(pdfBytes);
        return ready.thenCompose(bytes -> printer.get().print(new PrintJob(jobId, PrintJob.Format.PDF, bytes)))
                .handle((outcome, e) -> e != null
                        ? failed("print.failed.printer", DeviceStatusDetail.COMMUNICATION_ERROR, true, jobId, e)
                        : result(outcome, printer.get().id(), Medium.A4, false));
    }

    /**
     * Maintenance self-test: prints on this one printer, in its own medium, with no fallback (a test page that
     * came out of the other printer would hide the fault); never completes exceptionally.
     */
    public CompletableFuture<PrintResult> printOn(String deviceId, Document document, String jobId) {
        Optional<ReceiptPrinter> receipt = receiptPrinters.stream().filter(p -> p.id().equals(deviceId)).findFirst();
        Optional<DocumentPrinter> a4 = documentPrinters.stream().filter(p -> p.id().equals(deviceId)).findFirst();
        if (receipt.isEmpty() && a4.isEmpty()) {
            return CompletableFuture.completedFuture(new PrintResult.Failed("print.failed.no-printer",
                    DeviceStatusDetail.CONFIGURATION_ERROR, false, jobId));
        }
        Medium medium = receipt.isPresent() ? Medium.RECEIPT : Medium.A4;
        Document onMedium = new Document(document.templateId(), document.title(), medium, document.blocks());
        return CompletableFuture.supplyAsync(() -> render(onMedium, medium, jobId), renderer)
                .thenCompose(job -> receipt.isPresent() ? receipt.get().print(job) : a4.get().print(job))
                .handle((outcome, e) -> e != null
                        ? failed("print.failed.printer", DeviceStatusDetail.COMMUNICATION_ERROR, true, jobId, e)
                        : result(outcome, deviceId, medium, false));
    }

    /** Maintenance self-test from a template (the printer test page); as {@link #printOn(String, Document, String)}. */
    public CompletableFuture<PrintResult> printOn(String deviceId, TemplateData data, String jobId) {
        return CompletableFuture.supplyAsync(() -> templates.fill(data), renderer)
                .thenCompose(document -> printOn(deviceId, document, jobId))
                .exceptionally(e -> failed("print.failed.document", DeviceStatusDetail.NONE, false, jobId, e));
    }

    private CompletableFuture<PrintResult> attempt(Document document, String jobId, List<Medium> order, int index,
            PrintResult.Failed previous) {
        if (index >= order.size()) {
            return CompletableFuture.completedFuture(previous != null ? previous
                    : new PrintResult.Failed("print.failed.no-printer", DeviceStatusDetail.NONE, true, jobId));
        }
        Medium medium = order.get(index);
        boolean fellBack = index > 0;
        Optional<? extends org.govkiosk.device.Device> printer = medium == Medium.RECEIPT
                ? usable(receiptPrinters) : usable(documentPrinters);
        if (printer.isEmpty()) {
            return attempt(document, jobId, order, index + 1, previous);
        }
        String deviceId = printer.get().id();
        // The same job id on both printers: a reprint on the other paper is recognisably the same document.
        return CompletableFuture.supplyAsync(() -> render(document, medium, jobId), renderer)
                .thenCompose(job -> medium == Medium.RECEIPT
                        ? ((ReceiptPrinter) printer.get()).print(job) : ((DocumentPrinter) printer.get()).print(job))
                .handle((outcome, e) -> e != null
                        ? failed("print.failed.printer", DeviceStatusDetail.COMMUNICATION_ERROR, true, jobId, e)
                        : result(outcome, deviceId, medium, fellBack))
                .thenCompose(r -> {
                    if (r instanceof PrintResult.Failed f) {
                        LOG.warn("Print job {} failed on {} ({}); {}", jobId, deviceId, f.reason(),
                                index + 1 < order.size() ? "trying the other printer" : "no other printer");
                        return attempt(document, jobId, order, index + 1, f);
                    }
                    return CompletableFuture.completedFuture(r);
                });
    }

    private PrintJob render(Document given, Medium medium, String jobId) {
        Document document = training.getAsBoolean() ? given.specimen() : given;
        return medium == Medium.RECEIPT
                ? new PrintJob(jobId, PrintJob.Format.ESC_POS, escPos.render(document))
                : new PrintJob(jobId, PrintJob.Format.PDF, pdf.get().render(document));
    }

    private static PrintResult result(PrintOutcome outcome, String deviceId, Medium medium, boolean fellBack) {
        if (outcome instanceof DeviceEvent.PrintFailed f) {
            return new PrintResult.Failed("print.failed.printer", f.reason(), f.retryable(), f.jobId());
        }
        return new PrintResult.Printed(deviceId, medium, outcome.jobId(), fellBack);
    }

    private static PrintResult.Failed failed(String key, DeviceStatusDetail reason, boolean retryable, String jobId,
            Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        LOG.error("Print job {} could not be printed", jobId, cause);
        return new PrintResult.Failed(key, reason, retryable, jobId);
    }

    private static <T extends org.govkiosk.device.Device> Optional<T> usable(List<T> printers) {
        return printers.stream().filter(p -> p.status().isUsable()).findFirst();
    }

    /** Whether any printer can print now (the journey says so before a citizen submits). */
    public boolean anyPrinterUsable() {
        return usable(receiptPrinters).isPresent() || usable(documentPrinters).isPresent();
    }

    @Override
    public void close() {
        renderer.shutdown();
        try {
            renderer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
