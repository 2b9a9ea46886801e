package org.govkiosk.platform.desk;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A form of the desk, every value kept (checkboxes repeat a name): urlencoded, or the certificate's multipart. */
record DeskForm(Map<String, List<String>> values, byte[] file) {

    DeskForm(Map<String, List<String>> values) {
        this(values, null);
    }

    static DeskForm multipart(byte[] body, String contentType) {
        DeskMultipart.Parsed p = DeskMultipart.parse(body, contentType);
        return new DeskForm(p.fields(), p.file());
    }

    static DeskForm parse(byte[] body) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.US_ASCII);
        if (!text.isEmpty()) {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                try {
                    out.computeIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), x -> new ArrayList<>())
                            .add(URLDecoder.decode(v, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // a malformed pair is left out, as if not sent
                }
            }
        }
        return new DeskForm(out);
    }

    String one(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The value, stripped; null when absent or blank. */
    String text(String name) {
        String v = one(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    Map<String, String> first() {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v.get(0)));
        return m;
    }

    /** What the clerk typed, to fill the form again after a refusal (never the token); {@code mark}: its form. */
    Map<String, String> echo(String mark) {
        Map<String, String> m = first();
        m.remove("csrf");
        m.remove("token");
        if (mark != null) {
            m.put(mark, "1");
        }
        return m;
    }
}
