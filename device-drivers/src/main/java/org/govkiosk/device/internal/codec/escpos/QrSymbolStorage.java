package org.govkiosk.device.internal.codec.escpos;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The printer's QR symbol storage of {@code GS ( k} cn=49: settings and stored data persist until changed,
 * as on the printer, so a print (fn 81) prints what the last store (fn 80) left.
 */
final class QrSymbolStorage {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private byte[] data;
    private int moduleSize = 3;
    private char errorCorrection = 'L';

    /**
     * Applies one QR function; {@code params} are the bytes after cn and fn. Returns the printed code for fn 81,
     * or why the function is malformed; empty for a setting.
     */
    Optional<Result> apply(int fn, byte[] params) {
        if ((fn == 67 || fn == 69 || fn == 80 || fn == 81) && params.length < 1) {
            return Optional.of(new Result.Problem("GS ( k QR fn " + fn + ": parameter missing"));
        }
        switch (fn) {
            case 65, 82:
                return Optional.empty(); // model select, size query
            case 67:
                moduleSize = params[0] & 0xFF;
                return Optional.empty();
            case 69: {
                int level = (params[0] & 0xFF) - 48;
                errorCorrection = level >= 0 && level < 4 ? "LMQH".charAt(level) : errorCorrection;
                return Optional.empty();
            }
            case 80:
                data = java.util.Arrays.copyOfRange(params, 1, params.length);
                return Optional.empty();
            case 81:
                return Optional.of(data == null
                        ? new Result.Problem("GS ( k: QR print without stored data")
                        : new Result.Printed(new PrintedElement.QrCode(decodeAuto(data), moduleSize,
                                errorCorrection)));
            default:
                return Optional.of(new Result.Problem("GS ( k: unknown QR function " + fn));
        }
    }

    sealed interface Result {
        record Printed(PrintedElement.QrCode code) implements Result {
        }

        record Problem(String reason) implements Result {
        }
    }

    /** QR data carries no charset: valid UTF-8 is taken as UTF-8, anything else as GB18030. */
    static String decodeAuto(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, GB18030);
        }
    }
}
