package org.govkiosk.shared.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * What every YAML file of the project shares (terminal.yaml, devices.yaml, catalog.yaml, print templates,
 * platform.yaml): read as strict UTF-8 YAML with repeated keys refused, every failure recorded as "FILE: PROBLEM"
 * rather than thrown, and unknown keys answered with the key that was probably meant. Read the mapping it returns
 * with {@link YamlSection}.
 */
public final class YamlFiles {

    // A repeated key silently overriding the first is the commonest hand-editing mistake; make it a problem.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private YamlFiles() {
    }

    /**
     * The top-level mapping of {@code dir/name}; empty after recording why not (missing, not a file, unreadable,
     * not UTF-8, not YAML, empty, or not a mapping).
     *
     * @param expectedTop what the top should hold, for the message (e.g. "sections of keys")
     */
    public static Optional<JsonNode> readMapping(Path dir, String name, String expectedTop, List<String> problems) {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            String why = Files.isDirectory(dir) ? "" : " (the directory does not exist)";
            problems.add(name + ": file not found in " + dir.toAbsolutePath() + why);
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            problems.add(name + ": " + file.toAbsolutePath() + " is not a file");
            return Optional.empty();
        }
        String text;
        try {
            text = decodeUtf8(Files.readAllBytes(file), name, problems);
        } catch (IOException e) {
            problems.add(name + ": cannot be read from " + dir.toAbsolutePath() + ": " + e);
            return Optional.empty();
        }
        if (text == null) {
            return Optional.empty();
        }
        return readMapping(name, text, expectedTop, problems);
    }

    /**
     * The top-level mapping of YAML text read from the file {@code name}; empty after recording why not (not YAML,
     * a key given twice, empty, or not a mapping).
     */
    public static Optional<JsonNode> readMapping(String name, String text, String expectedTop, List<String> problems) {
        try {
            JsonNode root = YAML.readTree(text);
            if (root == null || root.isMissingNode() || root.isNull()) {
                problems.add(name + ": the file is empty (only comments or nothing)");
                return Optional.empty();
            }
            if (!root.isObject()) {
                problems.add(name + ": expected " + expectedTop + " at the top, got " + describe(root));
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            problems.add(name + ": " + syntaxProblem(e));
            return Optional.empty();
        }
    }

    /** How a value reads in a message: "a section", "a list", "nothing" or the value quoted. */
    public static String describe(JsonNode n) {
        if (n.isObject()) {
            return "a section";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isNull()) {
            return "nothing";
        }
        return "'" + n.asText() + "'";
    }

    /**
     * The known key (or value) probably meant by {@code written}: idle_timeout, idleTimeout and idle-timout all
     * point at idle-timeout. Another spelling of the same words, or the nearest by edit distance when it is a slip
     * (one edit for words of 4 letters or more, two for words of 8 or more); empty when nothing is that close.
     */
    public static Optional<String> similarKey(String written, Collection<String> known) {
        String a = normalized(written);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            String b = normalized(k);
            int shorter = Math.min(a.length(), b.length());
            int allowed = shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
            int d = a.equals(b) ? 0 : editDistance(a, b);
            if (d <= allowed && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String normalized(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Edits (insert, delete, replace, swap two neighbours) from {@code a} to {@code b}: "prot" is 1 from "port". */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * Strict UTF-8: a file saved as GBK by a Windows editor would otherwise show mojibake on screen instead of
     * failing at start. Returns null after recording the problem with its line.
     */
    private static String decodeUtf8(byte[] bytes, String name, List<String> problems) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(in, CharBuffer.allocate(bytes.length + 1), true);
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            problems.add(name + ": line " + line + ": not UTF-8 text; save the file as UTF-8 (GBK is not supported)");
            return null;
        }
    }

    /** "line L, column C: PROBLEM (while ...)", from SnakeYAML's marks where it gives them. */
    private static String syntaxProblem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            String context = m.getContext() == null ? "" : " (" + m.getContext()
                    + (m.getContextMark() == null ? "" : " that starts at " + where(m.getContextMark())) + ")";
            return where(m.getProblemMark()) + ": not valid YAML: " + m.getProblem() + context;
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        if (message.startsWith("Duplicate field ")) {
            // Jackson reports it where the second one ends; the line is what a technician needs.
            return where + "key " + message.substring("Duplicate field ".length()) + " is given twice";
        }
        return where + "not valid YAML: " + message;
    }

    private static String where(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }
}
