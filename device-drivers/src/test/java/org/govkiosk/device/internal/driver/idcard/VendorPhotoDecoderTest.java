package org.govkiosk.device.internal.driver.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The card photo through a real shared library called the way the vendors' libwlt2bmp.so is: a stand-in library
 * compiled here with gcc (the licensed one cannot be in a repository) that makes a BMP from the WLT bytes, and
 * misbehaves on cue. What the decoder hands on is a 102 × 126 picture ImageIO reads, or nothing.
 */
class VendorPhotoDecoderTest {

    private static final String STAND_IN = """
            static void put32(char *p, int v) { p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24; }
            int unpack(char *wlt, char *bmp, int save) {
                if ((unsigned char) wlt[0] == 0xFF) return -5;          /* the library refuses the card */
                if ((unsigned char) wlt[0] == 0xFE) { bmp[0] = 'X'; return 1; } /* says yes, writes garbage */
                int size = 54 + 126 * 308;
                bmp[0] = 'B'; bmp[1] = 'M'; put32(bmp + 2, size); put32(bmp + 10, 54); put32(bmp + 14, 40);
                put32(bmp + 18, 102); put32(bmp + 22, 126); bmp[26] = 1; bmp[28] = 24; put32(bmp + 34, 126 * 308);
                for (int y = 0; y < 126; y++)
                    for (int x = 0; x < 102; x++) {
                        char *p = bmp + 54 + y * 308 + x * 3;
                        p[0] = wlt[(x + y) % 1024]; p[1] = (char) x; p[2] = (char) y;
                    }
                return 1;
            }
            """;

    @TempDir
    static Path dir;

    private static Path library;
    private static Path without;

    @BeforeAll
    static void compile() throws Exception {
        library = gcc("libwlt2bmp-standin.so", STAND_IN);
        without = gcc("libnothing.so", "int other(void) { return 0; }\n");
    }

    private static Path gcc(String name, String source) throws Exception {
        Path c = Files.writeString(dir.resolve(name + ".c"), source);
        Path so = dir.resolve(name);
        Process p = new ProcessBuilder("gcc", "-shared", "-fPIC", "-nostdlib", "-o", so.toString(), c.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("gcc: " + out).isZero();
        return so;
    }

    private static byte[] wlt(int first) {
        byte[] w = new byte[VendorPhotoDecoder.WLT_BYTES];
        for (int i = 0; i < w.length; i++) {
            w[i] = (byte) (i * 7);
        }
        w[0] = (byte) first;
        return w;
    }

    @Test
    void theLibrarysBmpIsAPictureOfTheCardsSize() throws Exception {
        VendorPhotoDecoder decoder = VendorPhotoDecoder.load(library);
        byte[] wlt = wlt(3);
        byte[] bmp = decoder.decode(wlt).orElseThrow();
        BufferedImage photo = ImageIO.read(new ByteArrayInputStream(bmp));
        assertThat(photo.getWidth()).isEqualTo(102);
        assertThat(photo.getHeight()).isEqualTo(126);
        // BMP rows run bottom up: the library's row 0 is the picture's last; blue carries the WLT byte.
        int rgb = photo.getRGB(5, 125);
        assertThat((rgb >> 8) & 0xff).isEqualTo(5);
        assertThat(rgb & 0xff).isEqualTo(wlt[5] & 0xff);
    }

    @Test
    void aRefusalGarbageOrAWrongLengthGiveNoPhoto() {
        VendorPhotoDecoder decoder = VendorPhotoDecoder.load(library);
        assertThat(decoder.decode(wlt(0xFF))).as("the library says no").isEmpty();
        assertThat(decoder.decode(wlt(0xFE))).as("the library says yes but wrote no BMP").isEmpty();
        assertThat(decoder.decode(new byte[100])).as("not a card's photo").isEmpty();
        assertThat(decoder.decode(null)).isEmpty();
    }

    @Test
    void aLibraryThatIsNotThereOrHasNoUnpackIsSaidPlainly() {
        assertThatThrownBy(() -> VendorPhotoDecoder.load(dir.resolve("absent.so")))
                .hasMessageContaining("not a readable library file");
        assertThatThrownBy(() -> VendorPhotoDecoder.load(Path.of("relative.so")))
                .hasMessageContaining("absolute path");
        assertThatThrownBy(() -> VendorPhotoDecoder.load(without)).hasMessageContaining("no function unpack");
    }
}
