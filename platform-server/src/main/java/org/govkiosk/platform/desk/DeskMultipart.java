package org.govkiosk.platform.desk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) already read within its limit: the text fields and the one file of
 * the certificate form. Only what a browser sends for that form is understood; anything else is refused as
 * malformed rather than guessed at.
 */
final class DeskMultipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]{1,70})\"?");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]{1,100})\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"");

    /** The text fields (every value kept) and the file's bytes, if a file part had any. */
    record Parsed(Map<String, List<String>> fields, byte[] file) {
    }

    private DeskMultipart() {
    }

    /** @throws IllegalArgumentException if the body is not a multipart form of this boundary */
    static Parsed parse(byte[] body, String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new IllegalArgumentException("expected multipart/form-data");
        }
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) {
            throw new IllegalArgumentException("multipart/form-data without a boundary");
        }
        byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.US_ASCII);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        byte[] file = null;
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new IllegalArgumentException("no part in the form");
        }
        while (true) {
            int start = at + delimiter.length;
            if (start + 2 <= body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // the closing delimiter
            }
            start = skipLineEnd(body, start);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("a part without its headers' end");
            }
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int next = indexOf(body, delimiter, contentStart);
            if (next < 0 || next < contentStart + 2) {
                throw new IllegalArgumentException("a part without its end");
            }
            int contentEnd = next - 2; // the CRLF before the delimiter belongs to it
            Matcher name = NAME.matcher(headers);
            if (name.find()) {
                if (FILENAME.matcher(headers).find()) {
                    if (contentEnd > contentStart) {
                        file = java.util.Arrays.copyOfRange(body, contentStart, contentEnd);
                    }
                } else {
                    fields.computeIfAbsent(name.group(1), k -> new ArrayList<>())
                            .add(new String(body, contentStart, contentEnd - contentStart, StandardCharsets.UTF_8));
                }
            }
            at = next;
        }
        return new Parsed(fields, file);
    }

    private static int skipLineEnd(byte[] body, int i) {
        if (i + 1 < body.length && body[i] == '\r' && body[i + 1] == '\n') {
            return i + 2;
        }
        throw new IllegalArgumentException("a delimiter not followed by a line end");
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
