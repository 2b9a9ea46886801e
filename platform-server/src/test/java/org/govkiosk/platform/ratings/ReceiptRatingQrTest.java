package org.govkiosk.platform.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.print.data.AcceptanceReceiptData;
import org.govkiosk.print.data.MaskedText;
import org.govkiosk.print.pdf.CjkFont;
import org.govkiosk.print.pdf.FontLocator;
import org.govkiosk.print.pdf.PdfRenderer;
import org.govkiosk.print.template.TemplateRepository;
import org.junit.jupiter.api.Test;

/**
 * The 受理回执 of config/templates carries the case's rating QR code: the link from the platform's signed case
 * receipt (the terminal prints what the platform signed; it cannot make one). Rendered to PDF, rasterised with
 * pdftoppm as a printer driver would, and read back with ZXing beside the progress query code; the code read opens
 * the phone rating form. Without a link, the receipt prints no rating code. Pages: target/phone-rating/receipt-*.png.
 */
class ReceiptRatingQrTest extends PhonePlatform {

    private static final Path OUT = Path.of("target/phone-rating");
    private static final String PROGRESS = "https://zwfw.example.gov.cn/progress?case=";

    private static byte[] receiptPdf(CaseReceipt r, String ratingUrl) {
        AcceptanceReceiptData data = new AcceptanceReceiptData("示例市政务服务中心", r.caseNumber(), ITEM_NAME,
                MaskedText.name("张三丰"), MaskedText.idNumber("11010519491231002X"), LocalDateTime.of(2025, 4, 1, 10, 0),
                r.promisedDate(), PROGRESS + r.caseNumber(), "示例市人民路1号", "0571-12345678", "T-001", ratingUrl, null, null);
        TemplateRepository templates = TemplateRepository.load(Path.of("../config/templates"));
        return new PdfRenderer(CjkFont.shared(FontLocator.system())).render(templates.fill(data));
    }

    /** Every page of the PDF through pdftoppm at 300 dpi; the PNG files. */
    private static List<Path> pdftoppm(byte[] pdf, String name) throws Exception {
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name + ".pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdftoppm", "-r", "300", "-gray", "-png", file.toString(),
                OUT.resolve(name).toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("pdftoppm: " + said).isZero();
        try (var files = Files.list(OUT)) {
            return files.filter(f -> f.getFileName().toString().matches(name + "-\\d+\\.png")).sorted().toList();
        }
    }

    private static List<String> qrCodes(List<Path> pages) throws Exception {
        List<String> texts = new java.util.ArrayList<>();
        for (Path page : pages) {
            BufferedImage image = ImageIO.read(page.toFile());
            try {
                Result[] found = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(
                        new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
                Arrays.stream(found).map(Result::getText).forEach(texts::add);
            } catch (com.google.zxing.NotFoundException e) {
                // a page without codes
            }
        }
        return texts;
    }

    @Test
    void theReceiptsRatingCodeReadsBackAsThePlatformsSignedLinkAndOpensTheForm() throws Exception {
        CaseReceipt receipt = fileCase("q1", PHONE);
        assertThat(receipt.ratingUrl()).isNotBlank();
        List<Path> pages = pdftoppm(receiptPdf(receipt, receipt.ratingUrl()), "receipt-with-rating");
        assertThat(pages).isNotEmpty();
        List<String> codes = qrCodes(pages);
        assertThat(codes).containsExactlyInAnyOrder(PROGRESS + receipt.caseNumber(), receipt.ratingUrl());

        HttpResponse<String> opened = page(receipt.ratingUrl(), null);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(outcome(opened.body())).isEqualTo("form");
        assertThat(opened.body()).contains(receipt.caseNumber());
    }

    @Test
    void withoutALinkTheReceiptPrintsNoRatingCode() throws Exception {
        CaseReceipt receipt = fileCase("q2", PHONE);
        List<String> codes = qrCodes(pdftoppm(receiptPdf(receipt, null), "receipt-without-rating"));
        assertThat(codes).containsExactly(PROGRESS + receipt.caseNumber());
    }
}
