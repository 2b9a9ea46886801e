package org.govkiosk.device.driver.smartcard;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.codec.smartcard.ApduProfile;
import org.govkiosk.device.codec.smartcard.FieldRead;
import org.govkiosk.device.codec.smartcard.Hex;

/**
 * Reads a profile's fields with plain ISO 7816-4 commands: SELECT by file id ({@code 00 A4 00 00 02 FID}) for
 * each file of a path, then READ BINARY ({@code 00 B0 OFF OFF 00}) in chunks until the file ends. No secure
 * messaging, no PIN: enough for cards (and card areas) that are readable without authentication.
 */
public final class ProfileReader {

    /** Sends one command APDU and returns the response APDU (data + SW1 SW2). */
    @FunctionalInterface
    public interface ApduChannel {
        byte[] exchange(byte[] command) throws DeviceException;
    }

    static final int SW_OK = 0x9000;
    /** Files larger than this are not what a profile reads fields from. */
    static final int MAX_FILE = 4096;

    private final ApduChannel channel;

    public ProfileReader(ApduChannel channel) {
        this.channel = channel;
    }

    public SmartCardData read(ApduProfile profile, String readerName, byte[] atr) throws DeviceException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<List<Integer>, List<FieldRead>> file : profile.byFile().entrySet()) {
            byte[] content = readFile(file.getKey());
            for (FieldRead f : file.getValue()) {
                f.extract(content).ifPresent(v -> values.put(f.name(), v));
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (FieldRead f : profile.fields()) {
            if (values.containsKey(f.name())) {
                ordered.put(f.name(), values.get(f.name()));
            }
        }
        return new SmartCardData(readerName, Hex.of(atr), profile.name(), ordered);
    }

    public static byte[] selectCommand(int fileId) {
        return new byte[] {0x00, (byte) 0xA4, 0x00, 0x00, 0x02, (byte) (fileId >> 8), (byte) fileId};
    }

    public static byte[] readBinaryCommand(int offset, int le) {
        return new byte[] {0x00, (byte) 0xB0, (byte) ((offset >> 8) & 0x7F), (byte) offset, (byte) le};
    }

    /** SELECTs each file of the path in turn, then reads the last one whole. */
    byte[] readFile(List<Integer> path) throws DeviceException {
        for (int fid : path) {
            byte[] r = exchange(selectCommand(fid));
            int sw = sw(r);
            // 61xx: selected, FCI waiting; the JDK fetches it on T=0, other stacks may not.
            if (sw != SW_OK && (sw >> 8) != 0x61) {
                throw cardError("SELECT " + String.format("%04X", fid), sw);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int le = 0; // 0 = up to 256 bytes
        // Bounded twice: by size, and by commands, so a card that keeps answering 6Cxx cannot loop us forever.
        for (int commands = 0; out.size() < MAX_FILE && commands < MAX_FILE / 16; commands++) {
            byte[] r = exchange(readBinaryCommand(out.size(), le));
            int sw = sw(r);
            byte[] data = Arrays.copyOf(r, r.length - 2);
            if (sw == SW_OK || sw == 0x6282) {
                out.write(data, 0, data.length);
                if (sw == 0x6282 || data.length == 0 || data.length < (le == 0 ? 256 : le)) {
                    break;
                }
                le = 0;
            } else if ((sw >> 8) == 0x6C) {
                le = sw & 0xFF; // wrong length: the card says how many bytes are left
                if (le == 0) {
                    break;
                }
            } else if (sw == 0x6B00) {
                break; // read past the end: an empty file, or one whose size is a multiple of the chunk
            } else {
                throw cardError("READ BINARY at " + out.size(), sw);
            }
        }
        return out.toByteArray();
    }

    private byte[] exchange(byte[] command) throws DeviceException {
        byte[] r = channel.exchange(command);
        if (r == null || r.length < 2) {
            throw new DeviceException(DeviceException.Code.PROTOCOL_ERROR, DeviceStatusDetail.CARD_READ_ERROR,
                    "response APDU shorter than its status word");
        }
        return r;
    }

    static int sw(byte[] response) {
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }

    private static DeviceException cardError(String what, int sw) {
        return new DeviceException(DeviceException.Code.PROTOCOL_ERROR, DeviceStatusDetail.CARD_READ_ERROR,
                what + " answered " + String.format("%04X", sw));
    }
}
