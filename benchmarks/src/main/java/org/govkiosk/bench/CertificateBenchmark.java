package org.govkiosk.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import org.govkiosk.print.data.AcceptanceReceiptData;
import org.govkiosk.print.data.CompletionCertificateData;
import org.govkiosk.print.data.MaskedText;
import org.govkiosk.print.data.QueueSlipData;
import org.govkiosk.print.escpos.EscPosRenderer;
import org.govkiosk.print.escpos.EscPosSettings;
import org.govkiosk.print.escpos.ReceiptPaper;
import org.govkiosk.print.model.ImageData;
import org.govkiosk.print.pdf.CjkFont;
import org.govkiosk.print.pdf.FontLocator;
import org.govkiosk.print.pdf.PdfImageCache;
import org.govkiosk.print.pdf.PdfRenderer;
import org.govkiosk.print.template.TemplateRepository;
import org.govkiosk.print.verify.CertificatePayload;
import org.govkiosk.print.verify.CertificateSigner;
import org.govkiosk.print.verify.SigningKeyTool;

/**
 * Issue 4: the completion certificate (办结证明) as the terminal prints it: template filled, verification code
 * signed, PDF rendered with the CJK font subset embedded, and the seal image.
 * <ul>
 *   <li>{@code first TEMPLATES_DIR}: the first certificate of a fresh JVM, font search and parse included; run
 *   once per JVM (the script starts several). Prints one {@code FIRST} line of figures.</li>
 *   <li>{@code steady TEMPLATES_DIR [warm-up] [measured]}: per-certificate time and size once warm, and the
 *   ESC/POS job build time of an acceptance receipt and a queue slip (80 mm).</li>
 * </ul>
 */
public final class CertificateBenchmark {

    private static final String KEY_ID = "bench-hall";

    private CertificateBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("first") || args[0].equals("steady"))) {
            System.err.println("usage: CertificateBenchmark first|steady TEMPLATES_DIR [warm-up] [measured]");
            System.exit(64);
        }
        Path templatesDir = Path.of(args[1]);
        if (args[0].equals("first")) {
            first(templatesDir);
        } else {
            steady(templatesDir, args.length > 2 ? Integer.parseInt(args[2]) : 100,
                    args.length > 3 ? Integer.parseInt(args[3]) : 300);
        }
    }

    /** A terminal loads its signing key at start; that is not part of printing the first certificate. */
    private static CertificateSigner signer() throws GeneralSecurityException {
        return new CertificateSigner(KEY_ID, SigningKeyTool.generate("ed25519").getPrivate());
    }

    private static void first(Path templatesDir) throws Exception {
        CertificateSigner signer = signer();
        long t0 = System.nanoTime();
        TemplateRepository templates = TemplateRepository.load(templatesDir);
        ImageData seal = ImageData.read(templatesDir.resolve("demo-seal.png"));
        long t1 = System.nanoTime();
        CjkFont font = CjkFont.shared(FontLocator.system());
        long t2 = System.nanoTime();
        PdfRenderer renderer = new PdfRenderer(font);
        byte[] pdf = renderer.render(templates.fill(certificate(signer, seal, 1)));
        long t3 = System.nanoTime();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        // One machine-readable line; the script collects these from several fresh JVMs.
        System.out.printf(Locale.ROOT, "FIRST templates_ms=%.1f font_ms=%.1f render_ms=%.1f total_ms=%.1f bytes=%d "
                + "jvm_uptime_ms=%d font=%s%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t3 - t0) / 1e6,
                pdf.length, uptime, font.source().file());
    }

    private static void steady(Path templatesDir, int warmUp, int measured) throws Exception {
        CertificateSigner signer = signer();
        TemplateRepository templates = TemplateRepository.load(templatesDir);
        ImageData seal = ImageData.read(templatesDir.resolve("demo-seal.png"));
        PdfRenderer renderer = new PdfRenderer(CjkFont.shared(FontLocator.system()));
        EscPosRenderer escpos = new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM80));

        long[] pdfNanos = new long[measured];
        long[] pdfCpuNanos = new long[measured];
        long[] pdfBytes = new long[measured];
        long[] receiptNanos = new long[measured];
        long[] slipNanos = new long[measured];
        long[] fillNanos = new long[measured];
        long[] sealNanos = new long[measured];
        int receiptBytes = 0;
        int slipBytes = 0;
        byte[] lastPdf = new byte[0];
        long started = System.nanoTime();
        for (int i = 0; i < warmUp + measured; i++) {
            // Different data each time (numbers, names, dates), as a day of real certificates would have.
            CompletionCertificateData data = certificate(signer, seal, i);
            long c0 = Machine.threadCpuNanos();
            long t0 = System.nanoTime();
            byte[] pdf = renderer.render(templates.fill(data));
            long t1 = System.nanoTime();
            long c1 = Machine.threadCpuNanos();
            byte[] receipt = escpos.render(templates.fill(receipt(i)));
            long t2 = System.nanoTime();
            byte[] slip = escpos.render(templates.fill(slip(i)));
            long t3 = System.nanoTime();
            templates.fill(data);
            long t4 = System.nanoTime();
            encodeSeal(seal);
            long t5 = System.nanoTime();
            if (i >= warmUp) {
                int k = i - warmUp;
                fillNanos[k] = t4 - t3;
                sealNanos[k] = t5 - t4;
                pdfNanos[k] = t1 - t0;
                pdfCpuNanos[k] = c1 - c0;
                pdfBytes[k] = pdf.length;
                receiptNanos[k] = t2 - t1;
                slipNanos[k] = t3 - t2;
                receiptBytes = receipt.length;
                lastPdf = pdf;
                slipBytes = slip.length;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Samples pdfTimes = Samples.of(pdfNanos, measured);
        long[] sizes = pdfBytes.clone();
        Arrays.sort(sizes);
        long medianSize = sizes[(sizes.length - 1) / 2];

        System.out.println();
        System.out.println("Completion certificate (办结证明), steady state: fill template + render PDF (the code arrives signed)");
        System.out.printf(Locale.ROOT, "  %d certificates measured after %d warm-up, %.1f s (with the receipts); %s%n",
                measured, warmUp, seconds, Machine.describe());
        System.out.println("  " + Samples.header("job"));
        System.out.println("  " + pdfTimes.row("certificate PDF (A4, CJK subset, seal, QR)"));
        Samples pdfCpu = Samples.of(pdfCpuNanos, measured);
        System.out.println("  " + Samples.of(fillNanos, measured).row("  measured apart: template fill"));
        System.out.println("  " + Samples.of(sealNanos, measured).row("  measured apart: seal encode, first use"));
        System.out.println("  " + Samples.of(receiptNanos, measured).row("ESC/POS acceptance receipt (80 mm, QR)"));
        System.out.println("  " + Samples.of(slipNanos, measured).row("ESC/POS queue slip (80 mm)"));
        System.out.printf(Locale.ROOT, "  certificate size: min %.1f KB, median %.1f KB, max %.1f KB%n",
                sizes[0] / 1024.0, medianSize / 1024.0, sizes[sizes.length - 1] / 1024.0);
        System.out.println("  one certificate: " + PdfSizeBreakdown.of(lastPdf).describe());
        System.out.printf(Locale.ROOT, "  ESC/POS job size: acceptance receipt %d B, queue slip %d B%n", receiptBytes,
                slipBytes);
        System.out.printf(Locale.ROOT, "  certificate CPU time of the rendering thread: median %.3f ms, p99 %.3f ms%n",
                pdfCpu.medianMs(), pdfCpu.p99Ms());
        System.out.printf(Locale.ROOT, "  targets: steady state under 20 ms -> %s (median %.2f ms); under 60 KB -> %s "
                + "(max %.1f KB)%n", pdfTimes.medianMs() < 20 ? "met" : "NOT met", pdfTimes.medianMs(),
                sizes[sizes.length - 1] < 60 * 1024 ? "met" : "NOT met", sizes[sizes.length - 1] / 1024.0);
    }

    /**
     * What the PDF renderer does once per JVM for a seal it has not seen: decode the PNG and encode it for PDF
     * (palette + soft mask). A fresh cache each time, so this is the first-use cost; later certificates copy the
     * encoded bytes, which is inside the certificate figure.
     */
    private static void encodeSeal(ImageData seal) {
        new PdfImageCache(1).prepare(seal);
    }

    /** Fictional applicants; the certificate number, case and dates change with {@code n}. */
    private static CompletionCertificateData certificate(CertificateSigner signer, ImageData seal, int n) {
        String[] names = {"张三丰", "李秀英", "王建国", "欧阳明月", "陈志强"};
        String number = String.format(Locale.ROOT, "BJZM2025%08d", n);
        String caseNumber = String.format(Locale.ROOT, "110105000000001202503%08d", n);
        LocalDate completed = LocalDate.of(2025, 3, 28).plusDays(n % 200);
        CertificatePayload payload = new CertificatePayload(number, caseNumber, "11330100002501234A",
                MaskedText.idNumber("11010519491231002X"), completed);
        return new CompletionCertificateData("示例市市场监督管理局", number, caseNumber, "食品经营许可证核发（新办）",
                payload.itemCode(), names[n % names.length], payload.holderIdNumber(), completed.minusDays(10),
                completed, "准予许可，许可证编号JY" + (13301000012345L + n), signer.sign(payload), completed, seal);
    }

    private static AcceptanceReceiptData receipt(int n) {
        String caseNumber = String.format(Locale.ROOT, "110105000000001202503%08d", n);
        return new AcceptanceReceiptData("示例市政务服务中心", caseNumber, "食品经营许可证核发（新办）",
                MaskedText.name("张三丰"), MaskedText.idNumber("11010519491231002X"),
                LocalDateTime.of(2025, 3, 18, 9, 42).plusMinutes(n), LocalDate.of(2025, 3, 28),
                "https://zwfw.example.gov.cn/progress?case=" + caseNumber, "示例市人民大道88号市民中心一楼",
                "0571-12345678", "ZZ-0031");
    }

    private static QueueSlipData slip(int n) {
        return new QueueSlipData("示例市政务服务中心", String.format(Locale.ROOT, "A%03d", n % 1000), "市场准入综合窗口",
                n % 20, LocalDateTime.of(2025, 3, 18, 9, 5).plusMinutes(n % 600), "ZZ-0031");
    }
}
