package org.govkiosk.platform.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.PadRegistration;
import org.govkiosk.api.RatingRequest;
import org.govkiosk.api.WindowRatingLink;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/**
 * The window rating QR code: a pad bound to a window gets its window's link signed by the platform; a phone that
 * opens it is led to the rating of the window's latest contact not yet rated, else told there is nothing to rate;
 * a forged or expired link is refused; the printed window card carries a QR code that decodes to such a link.
 */
class WindowRatingLinkHttpTest extends PhonePlatform {

    private TestTerminal pad() throws Exception {
        TestTerminal pad = new TestTerminal(server.baseUri(), "PAD-03", clock).registered(RunningPlatform.ENROLMENT);
        HttpResponse<String> bound = pad.post(ApiPaths.PADS, new PadRegistration(pad.id, "HALL-1", "W-03"));
        assertThat(bound.statusCode()).as(bound.body()).isEqualTo(200);
        return pad;
    }

    private WindowRatingLink link(TestTerminal pad) throws Exception {
        HttpResponse<String> r = pad.get(ApiPaths.PAD_RATING_LINK);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestTerminal.read(r, WindowRatingLink.class);
    }

    private void ask(String caseNumber) throws Exception {
        HttpResponse<String> r = clerk("POST", ApiPaths.CLERK_RATING_REQUESTS, TestTerminal.JSON.writeValueAsString(
                new RatingRequest("HALL-1", "W-03", caseNumber, "1", ITEM, ITEM_NAME, "CLERK-7", "李明")));
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 202);
    }

    @Test
    void aPadsWindowLinkLeadsToTheWindowsLatestContactNotYetRated() throws Exception {
        TestTerminal pad = pad();
        WindowRatingLink link = link(pad);
        assertThat(link.windowId()).isEqualTo("W-03");
        assertThat(link.url()).startsWith(server.baseUri() + ApiPaths.RATE_WINDOW_PAGE + "?t=");
        assertThat(link.refreshAfter()).isBefore(link.validUntil());
        assertThat(link.validUntil()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));

        HttpResponse<String> idle = page(link.url(), null);
        assertThat(idle.statusCode()).isEqualTo(200);
        assertThat(outcome(idle.body())).isEqualTo("idle");
        assertThat(idle.body()).as("the language switch stays on the window link").contains("href=\""
                + ApiPaths.RATE_WINDOW_PAGE + "?t=").contains("本窗口暂无待评价的服务");

        String first = fileCase("w1", PHONE).caseNumber();
        ask(first);
        clock.advance(Duration.ofMinutes(5));
        String second = fileCase("w2", PHONE).caseNumber();
        ask(second);
        HttpResponse<String> led = page(link.url(), null);
        assertThat(led.statusCode()).isEqualTo(303);
        String to = led.headers().firstValue("Location").orElseThrow();
        assertThat(to).startsWith(ApiPaths.RATE_PAGE + "?t=");
        HttpResponse<String> form = page(server.baseUri() + to, null);
        assertThat(outcome(form.body())).isEqualTo("form");
        assertThat(form.body()).contains(ITEM_NAME, "W-03");
        HttpResponse<String> rated = submit(token(to), "level", "5");
        assertThat(outcome(rated.body())).isEqualTo("thanks");

        // The latest is rated: the window's link leads to the one before, then to nothing.
        String next = page(link.url(), null).headers().firstValue("Location").orElseThrow();
        assertThat(next).isNotEqualTo(to);
        assertThat(outcome(submit(token(next), "level", "4").body())).isEqualTo("thanks");
        assertThat(outcome(page(link.url(), null).body())).isEqualTo("idle");
        org.govkiosk.api.RatingReport byChannel = TestTerminal.JSON.readValue(clerk("GET", ApiPaths.CLERK_RATING_REPORTS
                + "?by=channel&day=2025-04-01", null).body(), org.govkiosk.api.RatingReport.class);
        assertThat(byChannel.rows()).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo("PHONE_QR");
            assertThat(row.byLevel()).containsEntry("5", 1).containsEntry("4", 1);
        });

        // A forged or altered token, and one past its time, are refused; an unbound terminal gets none.
        String t = token(link.url());
        HttpResponse<String> altered = page(server.baseUri() + ApiPaths.RATE_WINDOW_PAGE + "?t="
                + (t.charAt(0) == 'A' ? 'B' : 'A') + t.substring(1), null);
        assertThat(altered.statusCode()).isEqualTo(400);
        assertThat(outcome(altered.body())).isEqualTo("invalid");
        clock.advance(Duration.ofHours(25));
        HttpResponse<String> stale = page(link.url(), null);
        assertThat(stale.statusCode()).isEqualTo(400);
        assertThat(outcome(stale.body())).isEqualTo("stale");
        assertThat(terminal.get(ApiPaths.PAD_RATING_LINK).statusCode()).as("a terminal bound to no window")
                .isEqualTo(403);
    }

    @Test
    void theWindowCardIsAnA4PdfWhoseQrCodeScansToAWindowLink() throws Exception {
        assertThat(clerk("PUT", ApiPaths.CLERK_RATING_WINDOWS, "{\"hallCode\":\"HALL-1\",\"windowId\":\"W-03\","
                + "\"department\":\"社保科\",\"updatedBy\":\"MGR-1\"}").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                + ApiPaths.CLERK_RATING_WINDOW_CARD + "?hall=HALL-1&window=W-03")).header("Authorization",
                "Bearer " + RunningPlatform.CLERK).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/pdf"));
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).as("A4 wide").isBetween(594f, 596f);
            assertThat(new PDFTextStripper().getText(doc)).contains("W-03", "社保科", "扫码评价");
            PDFRenderer renderer = new PDFRenderer(doc);
            Path shot = Path.of("target/rating-reports/window-card.png");
            Files.createDirectories(shot.getParent());
            ImageIO.write(renderer.renderImageWithDPI(0, 60, ImageType.RGB), "png", shot.toFile());
            BufferedImage page = renderer.renderImageWithDPI(0, 150, ImageType.GRAY);
            String scanned = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(page))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
            assertThat(scanned).startsWith(server.baseUri() + ApiPaths.RATE_WINDOW_PAGE + "?t=");
            assertThat(outcome(page(scanned, null).body())).as("a genuine window link").isEqualTo("idle");
        }
        assertThat(clerk("GET", ApiPaths.CLERK_RATING_WINDOW_CARD + "?hall=HALL-1", null).statusCode())
                .isEqualTo(400);
    }
}
