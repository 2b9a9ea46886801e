package org.govkiosk.device.internal.driver.idcard;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.govkiosk.device.idcard.PhotoDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card's photo decoded by the licensed WLT decoder library a reader's vendor supplies (the project cannot ship
 * one: the WLT format is licensed by the Ministry of Public Security's certification centre). The library is the
 * Linux one readers come with, {@code libwlt2bmp.so}, whose {@code int unpack(char *wlt, char *bmp, int save)}
 * turns the 1,024 bytes of WLT into a 102 × 126 24-bit BMP of {@value #BMP_BYTES} bytes and answers 1.
 *
 * <p>What comes back is checked before it is trusted: a BMP of exactly that size and those dimensions, else
 * nothing. The library runs in the terminal's process: a vendor library that crashes takes the terminal with it,
 * which is why the terminal decodes only when asked ({@code diag read-id} shows whether the installed library
 * works) and shows no photo on its screens (minimum necessary: identification needs the number, not the face).
 */
public final class VendorPhotoDecoder implements PhotoDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(VendorPhotoDecoder.class);
    public static final int WLT_BYTES = 1024;
    public static final int WIDTH = 102;
    public static final int HEIGHT = 126;
    /** 54 bytes of headers and 126 rows of 102 pixels × 3 bytes, each row padded to 308 bytes. */
    public static final int BMP_BYTES = 54 + HEIGHT * 308;
    public static final String FUNCTION = "unpack";

    private final Path library;
    private final Function unpack;
    private final AtomicBoolean warned = new AtomicBoolean();

    private VendorPhotoDecoder(Path library, Function unpack) {
        this.library = library;
        this.unpack = unpack;
    }

    /**
     * @throws IllegalArgumentException when {@code library} is not a readable file or has no {@value #FUNCTION}
     */
    public static VendorPhotoDecoder load(Path library) {
        if (!library.isAbsolute() || !Files.isRegularFile(library) || !Files.isReadable(library)) {
            throw new IllegalArgumentException("photo-decoder: " + library + " is not a readable library file"
                    + " (an absolute path to the vendor's libwlt2bmp.so)");
        }
        try {
            NativeLibrary lib = NativeLibrary.getInstance(library.toString());
            return new VendorPhotoDecoder(library, lib.getFunction(FUNCTION));
        } catch (UnsatisfiedLinkError e) {
            throw new IllegalArgumentException("photo-decoder: " + library + " cannot be loaded or has no function "
                    + FUNCTION + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized Optional<byte[]> decode(byte[] wlt) {
        if (wlt == null || wlt.length != WLT_BYTES) {
            return Optional.empty();
        }
        byte[] bmp = new byte[BMP_BYTES];
        int answer = unpack.invokeInt(new Object[] {wlt.clone(), bmp, 1});
        if (answer != 1 || !isExpectedBmp(bmp)) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("The photo decoder {} answered {} and {}: no photo", library, answer,
                        isExpectedBmp(bmp) ? "a BMP" : "no 102x126 BMP");
            }
            return Optional.empty();
        }
        return Optional.of(bmp);
    }

    static boolean isExpectedBmp(byte[] b) {
        return b.length == BMP_BYTES && b[0] == 'B' && b[1] == 'M' && le32(b, 2) == BMP_BYTES && le32(b, 18) == WIDTH
                && Math.abs(le32(b, 22)) == HEIGHT && (b[28] & 0xff) == 24;
    }

    private static int le32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
