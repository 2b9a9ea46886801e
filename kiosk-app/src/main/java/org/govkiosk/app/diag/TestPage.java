package org.govkiosk.app.diag;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.print.escpos.EscPosRenderer;
import org.govkiosk.print.escpos.EscPosSettings;
import org.govkiosk.print.escpos.ReceiptPaper;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.model.Medium;
import org.govkiosk.print.model.TextStyle;
import org.govkiosk.print.pdf.CjkFont;
import org.govkiosk.print.pdf.FontLocator;
import org.govkiosk.print.pdf.PdfRenderer;

/**
 * The page a technician prints to check a printer after changing paper or a part: Chinese and Latin text, a rule,
 * a QR code and a cut, so each of the printer's functions shows on paper. It carries no personal data.
 */
final class TestPage {

    static final String TITLE = "govkiosk 打印测试页 / test page";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final DeviceConfig device;
    private final Optional<TerminalConfig> terminal;
    private final Instant at;
    private final String jobId;

    TestPage(DeviceConfig device, Optional<TerminalConfig> terminal, Instant at) {
        this.device = device;
        this.terminal = terminal;
        this.at = at;
        this.jobId = "diag-test-" + at.toEpochMilli();
    }

    String jobId() {
        return jobId;
    }

    Document document(Medium medium) {
        String terminalId = terminal.map(t -> t.terminal().id()).orElse("-");
        return new Document("diag-test-page", TITLE, medium, List.of(
                new Block.Heading(TITLE, TextStyle.TITLE),
                new Block.KeyValueTable(List.of(
                        new Block.Entry("终端 Terminal", terminalId),
                        new Block.Entry("设备 Device", device.id()),
                        new Block.Entry("型号 Model", device.family().configName() + " / " + device.model()),
                        new Block.Entry("连接 Link", device.transport().describe()),
                        new Block.Entry("时间 Time", TIME.format(at.atZone(ZoneId.systemDefault()))),
                        new Block.Entry("编号 Job", jobId))),
                new Block.Rule(true),
                new Block.Paragraph("中文字符：政务服务中心自助终端 一二三四五六七八九十", TextStyle.BODY),
                new Block.Paragraph("ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789", TextStyle.BODY),
                new Block.Qr("GOVKIOSK-TEST " + jobId, 25f, "二维码测试 QR test"),
                new Block.Cut()));
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
