package org.govkiosk.device.internal.codec.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.govkiosk.device.internal.codec.escpos.PrintedElement.Barcode;
import org.govkiosk.device.internal.codec.escpos.PrintedElement.Command;
import org.govkiosk.device.internal.codec.escpos.PrintedElement.Cut;
import org.govkiosk.device.internal.codec.escpos.PrintedElement.Initialize;
import org.govkiosk.device.internal.codec.escpos.PrintedElement.Malformed;
import org.govkiosk.device.internal.codec.escpos.PrintedElement.PendingText;
import org.govkiosk.device.internal.codec.escpos.PrintedElement.QrCode;
import org.govkiosk.device.internal.codec.escpos.PrintedElement.RasterImage;
import org.govkiosk.device.internal.codec.escpos.PrintedElement.StatusQuery;
import org.govkiosk.device.internal.codec.escpos.PrintedElement.TextLine;
import org.govkiosk.device.internal.codec.escpos.PrintedElement.Unknown;
import org.junit.jupiter.api.Test;

class EscPosStreamParserTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    /** Has a character outside the BMP: four bytes in GB18030. */
    private static final String TITLE = "受理回执𠀀";
    private static final String QR_PAYLOAD = "https://zwfw.example.gov.cn/q?c=ZW2026-0001&n=张";

    /** A receipt as a renderer would write it, byte by byte from the ESC/POS reference. */
    static byte[] receipt() {
        Bytes b = new Bytes();
        b.hex("1B 40");                                  // ESC @
        b.hex("1C 26");                                  // FS &: Chinese mode
        b.hex("1B 61 01").hex("1D 21 11");               // centre, double size
        b.text(TITLE, GB18030).hex("0A");
        b.hex("1D 21 00").hex("1B 61 00");
        b.text("办件编号：ZW2026-0001", GB18030).hex("0A");
        b.text("Promised: 2026-01-12", GB18030).hex("0D 0A");
        b.hex("0A");                                      // blank line
        b.hex("1D 28 6B 04 00 31 41 32 00");             // QR model 2
        b.hex("1D 28 6B 03 00 31 43 06");                // module size 6
        b.hex("1D 28 6B 03 00 31 45 31");                // error correction M
        byte[] data = QR_PAYLOAD.getBytes(StandardCharsets.UTF_8);
        int len = data.length + 3;
        b.hex("1D 28 6B").raw(len & 0xFF, len >> 8).hex("31 50 30").raw(data);
        b.hex("1D 28 6B 03 00 31 51 30");                // print the QR code
        b.hex("1D 76 30 00 02 00 03 00").raw(0xFF, 0x00, 0x0F, 0xF0, 0xAA, 0x55); // 16 x 3 dots
        b.hex("1B 64 03");                               // print and feed 3 lines
        b.hex("1D 56 42 00");                            // partial cut with feed
        b.hex("10 04 04");                               // paper sensor status
        return b.bytes();
    }

    static List<PrintedElement> expectedReceipt() {
        return List.of(
                new Initialize(),
                new Command("FS &", List.of()),
                new Command("ESC a", List.of(1)),
                new Command("GS !", List.of(0x11)),
                new TextLine(TITLE),
                new Command("GS !", List.of(0)),
                new Command("ESC a", List.of(0)),
                new TextLine("办件编号：ZW2026-0001"),
                new TextLine("Promised: 2026-01-12"),
                new TextLine(""),
                new Command("GS ( k", List.of(0x31, 0x41, 0x32, 0)),
                new Command("GS ( k", List.of(0x31, 0x43, 6)),
                new Command("GS ( k", List.of(0x31, 0x45, 0x31)),
                new QrCode(QR_PAYLOAD, 6, 'M'),
                new RasterImage(16, 3, 0),
                new Command("ESC d", List.of(3)),
                new Cut(true),
                new StatusQuery(StatusRequest.PAPER_SENSOR));
    }

    @Test
    void aWholeReceiptReadsBackAsItWasWritten() {
        assertThat(EscPosStreamParser.parse(receipt())).containsExactlyElementsOf(expectedReceipt());
    }

    @Test
    void chunkBoundariesAnywhereGiveTheSameElements() {
        byte[] stream = receipt();
        for (int split = 0; split <= stream.length; split++) {
            EscPosStreamParser parser = new EscPosStreamParser();
            List<PrintedElement> got = new ArrayList<>(parser.feed(Arrays.copyOfRange(stream, 0, split)));
            got.addAll(parser.feed(Arrays.copyOfRange(stream, split, stream.length)));
            got.addAll(parser.finish());
            assertThat(got).as("split at %d", split).containsExactlyElementsOf(expectedReceipt());
        }
    }

    @Test
    void oneByteAtATimeGivesTheSameElements() {
        EscPosStreamParser parser = new EscPosStreamParser();
        List<PrintedElement> got = new ArrayList<>();
        for (byte x : receipt()) {
            got.addAll(parser.feed(new byte[] {x}));
        }
        got.addAll(parser.finish());
        assertThat(got).containsExactlyElementsOf(expectedReceipt());
    }

    @Test
    void withoutChineseModeTextUsesTheCodePage() {
        byte[] stream = new Bytes().raw(0x82).text("t", StandardCharsets.US_ASCII).hex("0A") // CP437 é
                .hex("1B 74 10").raw(0xE9).hex("0A")                                          // WPC1252 é
                .bytes();

        assertThat(lines(EscPosStreamParser.parse(stream))).containsExactly("ét", "é");
    }

    @Test
    void switchingChineseModeMidLineKeepsEachPartsEncoding() {
        byte[] stream = new Bytes().raw(0x82).hex("1C 26").text("中文", GB18030).hex("1C 2E").raw(0x82).hex("0A")
                .bytes();

        assertThat(lines(EscPosStreamParser.parse(stream))).containsExactly("é中文é");
    }

    @Test
    void aPrinterThatStartsInChineseModeNeedsNoFsAmpersand() {
        EscPosStreamParser parser = new EscPosStreamParser(true);
        List<PrintedElement> got = parser.feed(new Bytes().text("请取回执", GB18030).hex("0A").bytes());

        assertThat(lines(got)).containsExactly("请取回执");
    }

    @Test
    void escAtClearsUnprintedTextAndResetsTheMode() {
        byte[] stream = new Bytes().hex("1C 26").text("丢弃", GB18030).hex("1B 40").raw(0x82).hex("0A").bytes();

        assertThat(lines(EscPosStreamParser.parse(stream))).containsExactly("é");
    }

    @Test
    void aCommandCutOffByTheEndIsMalformedAndTheLinesBeforeItStand() {
        byte[] stream = new Bytes().text("before", StandardCharsets.US_ASCII).hex("0A")
                .hex("1D 28 6B 10 00 31 50 30 61 62").bytes();   // declares 16 bytes, has 5
        EscPosStreamParser parser = new EscPosStreamParser();

        assertThat(parser.feed(stream)).containsExactly(new TextLine("before"));
        List<PrintedElement> end = parser.finish();
        assertThat(end).singleElement().isInstanceOfSatisfying(Malformed.class, m -> {
            assertThat(m.offset()).isEqualTo(7);
            assertThat(m.reason()).contains("ends inside a command");
            assertThat(m.hex()).startsWith("1D 28 6B 10 00");
        });
    }

    @Test
    void aTruncatedImageWaitsForItsDataAndIsMalformedAtTheEnd() {
        byte[] stream = new Bytes().hex("1D 76 30 00 04 00 02 00").raw(1, 2, 3).bytes(); // 8 bytes declared
        EscPosStreamParser parser = new EscPosStreamParser();

        assertThat(parser.feed(stream)).isEmpty();
        assertThat(parser.finish()).singleElement().isInstanceOf(Malformed.class);
    }

    @Test
    void textWithoutLineFeedAtTheEndIsPendingNotPrinted() {
        List<PrintedElement> got = EscPosStreamParser.parse("no newline".getBytes(StandardCharsets.US_ASCII));

        assertThat(got).containsExactly(new PendingText("no newline"));
    }

    @Test
    void malformedAndUnknownCommandsAreValuesAndParsingGoesOn() {
        byte[] stream = new Bytes()
                .hex("1D 28 6B 03 00 31 51 30")         // QR print, nothing stored
                .hex("1D 56 07")                         // no such cut mode
                .hex("10 04 09")                         // no such status request
                .hex("1D 28 6B 01 00 31")                // GS ( k too short
                .hex("1D 76 30 00 FF FF FF FF")          // an image of 4 GB
                .hex("1B 01")                            // no such ESC command
                .hex("07")                               // BEL: no ESC/POS meaning
                .text("still here", StandardCharsets.US_ASCII).hex("0A")
                .bytes();

        List<PrintedElement> got = EscPosStreamParser.parse(stream);

        assertThat(got).hasSize(8);
        assertThat(((Malformed) got.get(0)).reason()).contains("without stored data");
        assertThat(((Malformed) got.get(1)).reason()).contains("unknown cut mode 7");
        assertThat(((Malformed) got.get(2)).reason()).contains("DLE EOT");
        assertThat(((Malformed) got.get(3)).reason()).contains("fewer than 2");
        assertThat(((Malformed) got.get(4)).reason()).contains("too large");
        assertThat(got.get(5)).isEqualTo(new Unknown(28, "1B 01"));
        assertThat(got.get(6)).isEqualTo(new Unknown(30, "07"));
        assertThat(got.get(7)).isEqualTo(new TextLine("still here"));
    }

    @Test
    void barcodesBitImagesAndOtherCutsAreRecognised() {
        byte[] stream = new Bytes()
                .hex("1D 6B 04").text("123", StandardCharsets.US_ASCII).hex("00")   // CODE39, NUL-ended
                .hex("1D 6B 49 03").text("ABC", StandardCharsets.US_ASCII)         // CODE128, counted
                .hex("1B 2A 21 02 00").raw(1, 2, 3, 4, 5, 6)                       // 24-dot strip, 2 columns
                .hex("1D 56 00")                                                   // full cut
                .hex("1B 69")                                                      // obsolete partial cut
                .hex("1B 44 08 10 00")                                             // tab stops
                .hex("1B 70 00 19 FA")                                             // drawer kick
                .hex("10 04 01")
                .bytes();

        assertThat(EscPosStreamParser.parse(stream)).containsExactly(
                new Barcode(4, "123"),
                new Barcode(73, "ABC"),
                new RasterImage(2, 24, 33),
                new Cut(false),
                new Cut(true),
                new Command("ESC D", List.of(8, 16, 0)),
                new Command("ESC p", List.of(0, 0x19, 0xFA)),
                new StatusQuery(StatusRequest.PRINTER));
    }

    @Test
    void aCutPrintsTheTextBeforeIt() {
        byte[] stream = new Bytes().text("last line", StandardCharsets.US_ASCII).hex("1D 56 01").bytes();

        assertThat(EscPosStreamParser.parse(stream)).containsExactly(new TextLine("last line"), new Cut(true));
    }

    @Test
    void gb18030QrDataIsDecodedWhenItIsNotUtf8() {
        byte[] data = "电子证照".getBytes(GB18030);
        int len = data.length + 3;
        byte[] stream = new Bytes().hex("1D 28 6B").raw(len, 0).hex("31 50 30").raw(data)
                .hex("1D 28 6B 03 00 31 51 30").bytes();

        assertThat(EscPosStreamParser.parse(stream)).containsExactly(new QrCode("电子证照", 3, 'L'));
    }

    private static List<String> lines(List<PrintedElement> elements) {
        return elements.stream().filter(TextLine.class::isInstance).map(e -> ((TextLine) e).text()).toList();
    }

    /** Builds byte fixtures from hex, raw values and text. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes hex(String hex) {
            for (String h : hex.trim().split("\\s+")) {
                out.write(Integer.parseInt(h, 16));
            }
            return this;
        }

        Bytes raw(int... values) {
            for (int v : values) {
                out.write(v);
            }
            return this;
        }

        Bytes raw(byte[] data) {
            out.writeBytes(data);
            return this;
        }

        Bytes text(String s, Charset cs) {
            out.writeBytes(s.getBytes(cs));
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
