package org.govkiosk.app.diag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a diag command found: its exit code, lines for a person and the same facts as a JSON object for scripts.
 */
record DiagResult(int exitCode, List<String> text, Map<String, Object> json) {

    DiagResult {
        text = List.copyOf(text);
        json = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(json));
    }

    static DiagResult problems(int exitCode, String headline, List<String> problems) {
        List<String> text = new java.util.ArrayList<>();
        text.add(headline);
        problems.forEach(p -> text.add("  " + p));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", false);
        json.put("error", headline);
        json.put("problems", problems);
        return new DiagResult(exitCode, text, json);
    }
}
