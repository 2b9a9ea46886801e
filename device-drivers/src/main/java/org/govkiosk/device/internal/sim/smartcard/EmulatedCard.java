package org.govkiosk.device.internal.sim.smartcard;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govkiosk.device.internal.codec.smartcard.ApduProfile;
import org.govkiosk.device.internal.codec.smartcard.FieldRead;
import org.govkiosk.device.internal.codec.smartcard.Tlv;

/**
 * A card with a flat set of files by 2-byte id, answering SELECT by file id and READ BINARY; anything else gets
 * 6D00 (instruction not supported), unknown files 6A82, reads past the end 6B00, reads with no file selected
 * 6986. Files that hold no data (a DF such as DDF1) are empty. Thread-safe.
 */
public final class EmulatedCard implements VirtualCard {

    private final byte[] atr;
    private final Map<Integer, byte[]> files;
    private int selected = -1;

    public EmulatedCard(byte[] atr, Map<Integer, byte[]> files) {
        this.atr = atr.clone();
        this.files = new LinkedHashMap<>(files);
    }

    /**
     * A card holding {@code values} where {@code profile} reads them: TLV records appended to their file, or
     * bytes placed at their offset. A card "of the profile", as the driver would find it.
     */
    public static EmulatedCard of(ApduProfile profile, byte[] atr, Map<String, String> values) {
        Map<Integer, ByteArrayOutputStream> contents = new LinkedHashMap<>();
        for (FieldRead f : profile.fields()) {
            List<Integer> path = f.path();
            for (int fid : path) {
                contents.computeIfAbsent(fid, k -> new ByteArrayOutputStream());
            }
            String value = values.get(f.name());
            if (value == null) {
                continue;
            }
            ByteArrayOutputStream file = contents.get(path.get(path.size() - 1));
            byte[] encoded = f.encoding().encode(value);
            if (f.tlvTag() != null) {
                file.writeBytes(Tlv.encode(f.tlvTag(), encoded));
            } else {
                byte[] now = file.toByteArray();
                byte[] grown = Arrays.copyOf(now, Math.max(now.length, f.offset() + f.length()));
                System.arraycopy(encoded, 0, grown, f.offset(), Math.min(encoded.length, f.length()));
                file.reset();
                file.writeBytes(grown);
            }
        }
        Map<Integer, byte[]> files = new LinkedHashMap<>();
        contents.forEach((fid, out) -> files.put(fid, out.toByteArray()));
        return new EmulatedCard(atr, files);
    }

    @Override
    public byte[] atr() {
        return atr.clone();
    }

    /** Power-on and reset forget the selection, as a real card does. */
    @Override
    public synchronized void reset() {
        selected = -1;
    }

    @Override
    public synchronized byte[] respond(byte[] apdu) {
        if (apdu.length < 4) {
            return sw(0x6700);
        }
        int ins = apdu[1] & 0xFF;
        if ((apdu[0] & 0xFF) != 0x00) {
            return sw(0x6E00);
        }
        if (ins == 0xA4) {
            if (apdu.length < 7 || (apdu[4] & 0xFF) != 2) {
                return sw(0x6A86);
            }
            int fid = ((apdu[5] & 0xFF) << 8) | (apdu[6] & 0xFF);
            if (!files.containsKey(fid)) {
                return sw(0x6A82);
            }
            selected = fid;
            return sw(0x9000);
        }
        if (ins == 0xB0) {
            if (selected < 0) {
                return sw(0x6986);
            }
            byte[] file = files.get(selected);
            int offset = ((apdu[2] & 0x7F) << 8) | (apdu[3] & 0xFF);
            int le = apdu.length >= 5 ? apdu[4] & 0xFF : 0;
            int max = le == 0 ? 256 : le;
            if (offset >= file.length) {
                return sw(0x6B00);
            }
            int n = Math.min(max, file.length - offset);
            byte[] out = Arrays.copyOfRange(file, offset, offset + n + 2);
            out[n] = (byte) 0x90;
            out[n + 1] = 0x00;
            return out;
        }
        return sw(0x6D00);
    }

    private static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }
}
