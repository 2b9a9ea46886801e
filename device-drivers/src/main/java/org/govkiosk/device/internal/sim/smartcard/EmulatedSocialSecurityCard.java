package org.govkiosk.device.internal.sim.smartcard;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.DESedeKeySpec;
import org.govkiosk.device.internal.codec.smartcard.ApduProfile;
import org.govkiosk.device.internal.codec.smartcard.FieldEncoding;
import org.govkiosk.device.internal.codec.smartcard.FieldRead;

/**
 * A social security card by the national layout as {@code ProfileReader} models it (see its comment): an
 * application selected by AID, record files under it selected by file id, data items read by record identifier
 * as {@code TAG LEN VALUE} with their fixed length (an padded with 00, cn with F), GET CHALLENGE and EXTERNAL
 * AUTHENTICATE with a key shared with a PSAM ({@link EmulatedPsam}). Answers: unknown AID or file 6A82, unknown
 * record 6A83, no file selected 6986, a protected read before authentication 6982, a wrong cryptogram 6300,
 * anything else 6D00. Faults for tests: {@link #truncating} one record. Thread-safe.
 */
public final class EmulatedSocialSecurityCard implements VirtualCard {

    /** The emulated card's ATR ("GKSSCNAT" in the historical bytes), which the national profile matches. */
    public static final byte[] ATR = {0x3B, 0x6B, 0x00, 0x00, 0x47, 0x4B, 0x53, 0x53, 0x43, 0x4E, 0x41, 0x54};

    private final byte[] aid;
    private final Map<Integer, Map<Integer, byte[]>> files;
    private final byte[] key;
    private final boolean needsAuthentication;
    private final SecureRandom random = new SecureRandom();
    private boolean applicationSelected;
    private int selected = -1;
    private byte[] challenge;
    private boolean authenticated;
    private int truncatedRecord = -1;

    /**
     * @param files               file id → record identifier → value (already at the item's length)
     * @param key                 16 bytes shared with the PSAM
     * @param needsAuthentication true: records are read only after EXTERNAL AUTHENTICATE
     */
    public EmulatedSocialSecurityCard(byte[] aid, Map<Integer, Map<Integer, byte[]>> files, byte[] key,
            boolean needsAuthentication) {
        this.aid = aid.clone();
        this.files = new LinkedHashMap<>();
        files.forEach((fid, records) -> this.files.put(fid, new LinkedHashMap<>(records)));
        this.key = key.clone();
        this.needsAuthentication = needsAuthentication;
    }

    /** A card holding {@code values} where {@code profile}'s record fields read them, each padded to its length. */
    public static EmulatedSocialSecurityCard of(ApduProfile profile, Map<String, String> values, byte[] key,
            boolean needsAuthentication) {
        Map<Integer, Map<Integer, byte[]>> files = new LinkedHashMap<>();
        for (FieldRead f : profile.fields()) {
            if (!f.record()) {
                throw new IllegalArgumentException("field " + f.name() + " is not a record field");
            }
            Map<Integer, byte[]> records = files.computeIfAbsent(f.path().get(f.path().size() - 1),
                    k -> new LinkedHashMap<>());
            String value = values.get(f.name());
            if (value != null) {
                records.put(f.tlvTag(), padded(f, value));
            }
        }
        return new EmulatedSocialSecurityCard(profile.aid(), files, key, needsAuthentication);
    }

    private static byte[] padded(FieldRead f, String value) {
        byte[] encoded = f.encoding().encode(value);
        if (encoded.length > f.length()) {
            throw new IllegalArgumentException(f.name() + ": " + encoded.length + " bytes, the item has " + f.length());
        }
        byte[] out = Arrays.copyOf(encoded, f.length());
        if (f.encoding() == FieldEncoding.BCD) {
            Arrays.fill(out, encoded.length, out.length, (byte) 0xFF);
        }
        return out;
    }

    /** From now on the record {@code tag} comes back cut short (its length byte unchanged), as a bad contact does. */
    public synchronized EmulatedSocialSecurityCard truncating(int tag) {
        truncatedRecord = tag;
        return this;
    }

    /** The PSAM's answer to {@code challenge}: triple DES (two keys, ECB) of the 8 bytes. */
    public static byte[] cryptogram(byte[] key16, byte[] challenge) {
        try {
            byte[] k = Arrays.copyOf(key16, 24);
            System.arraycopy(key16, 0, k, 16, 8);
            Cipher c = Cipher.getInstance("DESede/ECB/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance("DESede").generateSecret(new DESedeKeySpec(k)));
            return c.doFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("triple DES is missing from this JDK", e);
        }
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public synchronized void reset() {
        applicationSelected = false;
        selected = -1;
        challenge = null;
        authenticated = false;
    }

    @Override
    public synchronized byte[] respond(byte[] apdu) {
        if (apdu.length < 4) {
            return sw(0x6700);
        }
        if ((apdu[0] & 0xFF) != 0x00) {
            return sw(0x6E00);
        }
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        return switch (ins) {
            case 0xA4 -> p1 == 0x04 ? selectApplication(apdu) : selectFile(apdu);
            case 0xB2 -> readRecord(p1, apdu[3] & 0xFF);
            case 0x84 -> {
                challenge = new byte[8];
                random.nextBytes(challenge);
                byte[] out = Arrays.copyOf(challenge, 10);
                out[8] = (byte) 0x90;
                yield out;
            }
            case 0x82 -> externalAuthenticate(apdu);
            default -> sw(0x6D00);
        };
    }

    private byte[] selectApplication(byte[] apdu) {
        int lc = apdu.length > 4 ? apdu[4] & 0xFF : 0;
        if (apdu.length < 5 + lc || !Arrays.equals(Arrays.copyOfRange(apdu, 5, 5 + lc), aid)) {
            return sw(0x6A82);
        }
        applicationSelected = true;
        selected = -1;
        authenticated = false;
        return sw(0x9000);
    }

    private byte[] selectFile(byte[] apdu) {
        if (apdu.length < 7 || (apdu[4] & 0xFF) != 2) {
            return sw(0x6A86);
        }
        int fid = ((apdu[5] & 0xFF) << 8) | (apdu[6] & 0xFF);
        if (!applicationSelected || !files.containsKey(fid)) {
            return sw(0x6A82);
        }
        selected = fid;
        return sw(0x9000);
    }

    private byte[] readRecord(int tag, int p2) {
        if (selected < 0) {
            return sw(0x6986);
        }
        if (needsAuthentication && !authenticated) {
            return sw(0x6982);
        }
        if (p2 != 0x00) {
            return sw(0x6A86); // only by record identifier in this model
        }
        byte[] value = files.get(selected).get(tag);
        if (value == null) {
            return sw(0x6A83);
        }
        int sent = tag == truncatedRecord ? value.length / 2 : value.length;
        byte[] out = new byte[2 + sent + 2];
        out[0] = (byte) tag;
        out[1] = (byte) value.length;
        System.arraycopy(value, 0, out, 2, sent);
        out[out.length - 2] = (byte) 0x90;
        return out;
    }

    private byte[] externalAuthenticate(byte[] apdu) {
        byte[] expected = challenge;
        challenge = null; // one try per challenge
        if (apdu.length != 13 || apdu[4] != 8) {
            return sw(0x6700);
        }
        if (expected == null) {
            return sw(0x6985);
        }
        if (!Arrays.equals(Arrays.copyOfRange(apdu, 5, 13), cryptogram(key, expected))) {
            return sw(0x6300);
        }
        authenticated = true;
        return sw(0x9000);
    }

    /** Record identifiers the card holds in {@code fid}, for tests. */
    public synchronized Set<Integer> records(int fid) {
        return Set.copyOf(files.getOrDefault(fid, Map.of()).keySet());
    }

    private static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }
}
