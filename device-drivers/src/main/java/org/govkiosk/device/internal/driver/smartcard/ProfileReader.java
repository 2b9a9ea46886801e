package org.govkiosk.device.internal.driver.smartcard;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.internal.codec.smartcard.ApduProfile;
import org.govkiosk.device.internal.codec.smartcard.FieldRead;
import org.govkiosk.device.internal.codec.smartcard.Hex;
import org.govkiosk.device.idcard.IdNumber;

/**
 * Reads a profile's fields with plain ISO 7816-4 commands: SELECT by file id ({@code 00 A4 00 00 02 FID}) for
 * each file of a path, then READ BINARY ({@code 00 B0 OFF OFF 00}) in chunks until the file ends. No secure
 * messaging, no PIN: enough for cards (and card areas) that are readable without authentication.
 *
 * <p>A profile with an application (the social security card by its national layout, LD/T 32 and the
 * ministry's "文件结构和数据项" V2.0 as public documents describe them) is read so:
 * <ol>
 *   <li>SELECT the application by AID, {@code 00 A4 04 00 Lc AID} (the SSSE: "sx1.sh.社会保障"); a card without
 *       it answers 6A82 and is refused, naming the AID;</li>
 *   <li>where the profile asks for a PSAM and one is given: GET CHALLENGE from the card ({@code 00 84 00 00 08}),
 *       the PSAM encrypts the challenge ({@code 80 FA 00 00 08 challenge}, modelled: a real PSAM first selects its
 *       own application and diversifies its key by the card's identification code, with DES or SM4 as the
 *       issuing province chose, in commands its maker documents), and EXTERNAL AUTHENTICATE to the card
 *       ({@code 00 82 00 KEY 08 cryptogram}); the reader never sees a key;</li>
 *   <li>each file SELECTed under the application by file id ({@code 00 A4 02 00 02 EF06}), each data item read
 *       by its record identifier ({@code 00 B2 TAG 00 00}): the answer is the record as TLV, whose tag and
 *       length must be the item's; a shorter one is refused as truncated;</li>
 *   <li>fields the profile checks ({@code check.id-number=gb11643}: 社会保障号码 is the 公民身份号码) must carry
 *       a valid GB 11643 check character, else the card is refused (without the number in the message).</li>
 * </ol>
 * What a real card may do differently: many cards read EF05/EF06 without any authentication (the PSAM is then
 * for the protected areas); some readers do the PSAM exchange inside their firmware; record reads by number
 * ({@code P2=04}) work too; cards of the 1.0 layout lack some items.
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
    private final ApduChannel psam;

    public ProfileReader(ApduChannel channel) {
        this(channel, null);
    }

    /** @param psam the PSAM's channel for profiles that authenticate through one; null where there is none */
    public ProfileReader(ApduChannel channel, ApduChannel psam) {
        this.channel = channel;
        this.psam = psam;
    }

    public SmartCardData read(ApduProfile profile, String readerName, byte[] atr) throws DeviceException {
        Map<String, String> values = new LinkedHashMap<>();
        if (profile.selectsApplication()) {
            selectApplication(profile);
            authenticate(profile);
        }
        for (Map.Entry<List<Integer>, List<FieldRead>> file : profile.byFile().entrySet()) {
            if (file.getValue().get(0).record()) {
                readRecords(file.getKey(), file.getValue(), values);
                continue;
            }
            byte[] content = readFile(file.getKey());
            for (FieldRead f : file.getValue()) {
                f.extract(content).ifPresent(v -> values.put(f.name(), v));
            }
        }
        for (String checked : profile.idNumberChecks()) {
            String v = values.get(checked);
            java.util.Optional<IdNumber.Problem> problem = v == null ? java.util.Optional.empty() : IdNumber.problem(v);
            if (problem.isPresent()) {
                // The number itself stays out of the message: it is personal data.
                throw new DeviceException(DeviceException.Code.PROTOCOL_ERROR, DeviceStatusDetail.CARD_READ_ERROR,
                        checked + " on the card is not a valid citizen identification number (GB 11643): "
                                + problem.get().description());
            }
        }
        // 发卡地区: the first 6 characters of 卡的识别码 are the issuing region's administrative division code.
        String cardId = values.get("card-id");
        if (cardId != null && cardId.length() >= 6 && cardId.substring(0, 6).chars().allMatch(Character::isDigit)) {
            values.put("issuing-region", cardId.substring(0, 6));
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (FieldRead f : profile.fields()) {
            if (values.containsKey(f.name())) {
                ordered.put(f.name(), values.get(f.name()));
            }
        }
        if (values.containsKey("issuing-region")) {
            ordered.put("issuing-region", values.get("issuing-region"));
        }
        return new SmartCardData(readerName, Hex.of(atr), profile.name(), ordered);
    }

    public static byte[] selectAidCommand(byte[] aid) {
        byte[] c = new byte[5 + aid.length];
        c[1] = (byte) 0xA4;
        c[2] = 0x04;
        c[4] = (byte) aid.length;
        System.arraycopy(aid, 0, c, 5, aid.length);
        return c;
    }

    /** SELECT an EF under the current DF (the application) by its file id. */
    public static byte[] selectChildCommand(int fileId) {
        return new byte[] {0x00, (byte) 0xA4, 0x02, 0x00, 0x02, (byte) (fileId >> 8), (byte) fileId};
    }

    /** READ RECORD by record identifier (P2 = 00) in the current EF; Le 00 = the whole record. */
    public static byte[] readRecordCommand(int tag) {
        return new byte[] {0x00, (byte) 0xB2, (byte) tag, 0x00, 0x00};
    }

    public static final byte[] GET_CHALLENGE = {0x00, (byte) 0x84, 0x00, 0x00, 0x08};

    /** The modelled PSAM command: encrypt 8 bytes with the key for the card's external authentication. */
    public static byte[] psamEncryptCommand(byte[] challenge) {
        byte[] c = new byte[5 + challenge.length];
        c[0] = (byte) 0x80;
        c[1] = (byte) 0xFA;
        c[4] = (byte) challenge.length;
        System.arraycopy(challenge, 0, c, 5, challenge.length);
        return c;
    }

    public static byte[] externalAuthenticateCommand(int key, byte[] cryptogram) {
        byte[] c = new byte[5 + cryptogram.length];
        c[1] = (byte) 0x82;
        c[3] = (byte) key;
        c[4] = (byte) cryptogram.length;
        System.arraycopy(cryptogram, 0, c, 5, cryptogram.length);
        return c;
    }

    private void selectApplication(ApduProfile profile) throws DeviceException {
        int sw = sw(exchange(selectAidCommand(profile.aid())));
        if (sw == 0x6A82 || sw == 0x6A81) {
            throw new DeviceException(DeviceException.Code.UNSUPPORTED, DeviceStatusDetail.CARD_READ_ERROR,
                    "the card has no application " + Hex.of(profile.aid()) + " (profile " + profile.name()
                            + "): SELECT answered " + String.format("%04X", sw));
        }
        if (sw != SW_OK && (sw >> 8) != 0x61) {
            throw cardError("SELECT application " + Hex.of(profile.aid()), sw);
        }
    }

    private void authenticate(ApduProfile profile) throws DeviceException {
        if (profile.psam() == ApduProfile.Psam.NONE || (psam == null && profile.psam() == ApduProfile.Psam.OPTIONAL)) {
            return;
        }
        if (psam == null) {
            throw new DeviceException(DeviceException.Code.CONFIGURATION_INVALID, DeviceStatusDetail.CONFIGURATION_ERROR,
                    "profile " + profile.name() + " needs a PSAM to authenticate the card: set options.psam-reader");
        }
        byte[] challenge = data(exchange(GET_CHALLENGE), "GET CHALLENGE");
        byte[] r = psam.exchange(psamEncryptCommand(challenge));
        if (r == null || r.length < 2 || sw(r) != SW_OK) {
            throw new DeviceException(DeviceException.Code.PROTOCOL_ERROR, DeviceStatusDetail.SAM_ERROR,
                    "the PSAM did not encrypt the card's challenge: " + (r == null || r.length < 2 ? "no answer"
                            : String.format("%04X", sw(r))));
        }
        byte[] cryptogram = Arrays.copyOf(r, r.length - 2);
        int sw = sw(exchange(externalAuthenticateCommand(profile.psamKey(), cryptogram)));
        if (sw != SW_OK) {
            throw new DeviceException(DeviceException.Code.PROTOCOL_ERROR, DeviceStatusDetail.SAM_ERROR,
                    "the card refused the PSAM's authentication: EXTERNAL AUTHENTICATE answered "
                            + String.format("%04X", sw));
        }
    }

    private byte[] data(byte[] response, String what) throws DeviceException {
        int sw = sw(response);
        if (sw != SW_OK) {
            throw cardError(what, sw);
        }
        return Arrays.copyOf(response, response.length - 2);
    }

    /** SELECTs the record file under the application and reads each item by its record identifier. */
    private void readRecords(List<Integer> path, List<FieldRead> fields, Map<String, String> values)
            throws DeviceException {
        for (int fid : path) {
            int sw = sw(exchange(selectChildCommand(fid)));
            if (sw != SW_OK && (sw >> 8) != 0x61) {
                throw cardError("SELECT " + String.format("%04X", fid), sw);
            }
        }
        String file = path.stream().map(f -> String.format("%04X", f)).reduce((a, b) -> a + "/" + b).orElse("");
        for (FieldRead f : fields) {
            byte[] r = exchange(readRecordCommand(f.tlvTag()));
            int sw = sw(r);
            if (sw == 0x6A83) {
                continue; // the card lacks this item (an older layout): the field is absent
            }
            if (sw == 0x6982) {
                throw new DeviceException(DeviceException.Code.PROTOCOL_ERROR, DeviceStatusDetail.CARD_READ_ERROR,
                        "READ RECORD " + String.format("%02X", f.tlvTag()) + " of " + file + " answered 6982: the"
                                + " card wants authentication first (a PSAM: options.psam-reader)");
            }
            if (sw != SW_OK) {
                throw cardError("READ RECORD " + String.format("%02X", f.tlvTag()) + " of " + file, sw);
            }
            byte[] record = Arrays.copyOf(r, r.length - 2);
            values.put(f.name(), f.encoding().decode(recordValue(record, f, file)));
        }
    }

    /** The value of a record {@code TAG LEN VALUE}, checked against the item's identifier and fixed length. */
    static byte[] recordValue(byte[] record, FieldRead f, String file) throws DeviceException {
        String which = "record " + String.format("%02X", f.tlvTag()) + " (" + f.name() + ") of " + file;
        if (record.length < 2) {
            throw truncated(which + " is truncated: " + record.length + " bytes, not even its tag and length");
        }
        if ((record[0] & 0xFF) != f.tlvTag()) {
            throw new DeviceException(DeviceException.Code.PROTOCOL_ERROR, DeviceStatusDetail.CARD_READ_ERROR,
                    which + " came back as record " + String.format("%02X", record[0] & 0xFF));
        }
        int declared = record[1] & 0xFF;
        if (record.length - 2 < declared) {
            throw truncated(which + " is truncated: its length says " + declared + " bytes, " + (record.length - 2)
                    + " came");
        }
        if (declared != f.length() || record.length - 2 != declared) {
            throw new DeviceException(DeviceException.Code.PROTOCOL_ERROR, DeviceStatusDetail.CARD_READ_ERROR,
                    which + " has " + declared + " bytes (" + (record.length - 2) + " sent), the layout has "
                            + f.length());
        }
        return Arrays.copyOfRange(record, 2, record.length);
    }

    private static DeviceException truncated(String message) {
        return new DeviceException(DeviceException.Code.PROTOCOL_ERROR, DeviceStatusDetail.CARD_READ_ERROR, message);
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
