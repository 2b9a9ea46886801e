package org.govkiosk.print.template;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.govkiosk.print.data.TemplateKind;
import org.govkiosk.print.model.Align;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.ImageData;
import org.govkiosk.print.model.Medium;
import org.govkiosk.print.model.TextSize;
import org.govkiosk.print.model.TextStyle;

/**
 * Reads one template file (YAML) and checks it against its kind's data record. Every problem is collected and
 * reported together as {@code FILE: KEY: PROBLEM}, so a hall editing a template fixes it in one go.
 */
public final class TemplateParser {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> TOP_KEYS = Set.of("kind", "title", "medium", "blocks");
    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "heading", Set.of("align", "size", "bold"),
            "text", Set.of("align", "size", "bold"),
            "fields", Set.of(),
            "table", Set.of(),
            "qr", Set.of("size-mm", "caption"),
            "image", Set.of("width-mm", "align", "overlay"),
            "spacer", Set.of(),
            "rule", Set.of(),
            "cut", Set.of());

    private final String file;
    private final Path dir;
    private final List<String> problems = new ArrayList<>();
    private DataSchema schema;

    private TemplateParser(String file, Path dir) {
        this.file = file;
        this.dir = dir;
    }

    public static Template parse(Path path) {
        String name = path.getFileName().toString();
        try {
            return parse(name, Files.readString(path), path.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new TemplateException(name, null, "cannot be read: " + e.getMessage());
        }
    }

    /** Parses YAML text; {@code dir} resolves {@code image: file:...} references. */
    public static Template parse(String fileName, String yaml, Path dir) {
        return new TemplateParser(fileName, dir).parse(yaml);
    }

    private Template parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new TemplateException(file, List.of(file + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        }
        if (root == null || !root.isObject()) {
            throw new TemplateException(file, List.of(file + ": must be a mapping with kind, title, blocks"));
        }
        root.fieldNames().forEachRemaining(k -> {
            if (!TOP_KEYS.contains(k)) {
                problem(k, "unknown key (expected one of " + TOP_KEYS + ")");
            }
        });
        String kindId = root.path("kind").asText("");
        TemplateKind kind = TemplateKind.byId(kindId).orElse(null);
        if (kind == null) {
            problem("kind", "'" + kindId + "' is not a template kind (one of "
                    + java.util.Arrays.stream(TemplateKind.values()).map(TemplateKind::id).toList() + ")");
            throw failure();
        }
        schema = DataSchema.of(kind.dataType());
        String title = root.path("title").asText("");
        if (title.isBlank()) {
            problem("title", "missing");
        } else if (title.contains("${")) {
            problem("title", "placeholders are not allowed in the title (it goes into the PDF metadata)");
        }
        Medium medium = enumValue(Medium.class, root.path("medium").asText("a4"), "medium");
        List<TemplateBlock> blocks = new ArrayList<>();
        JsonNode list = root.path("blocks");
        if (!list.isArray() || list.isEmpty()) {
            problem("blocks", "missing or empty");
        } else {
            for (int i = 0; i < list.size(); i++) {
                TemplateBlock b = block(list.get(i), "blocks[" + i + "]");
                if (b != null) {
                    blocks.add(b);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw failure();
        }
        String id = file.replaceFirst("\\.ya?ml$", "");
        return new Template(id, kind, title, medium == null ? Medium.A4 : medium, blocks);
    }

    private TemplateBlock block(JsonNode node, String at) {
        if (node.isTextual()) {
            return switch (node.asText()) {
                case "cut" -> new TemplateBlock.Fixed(new Block.Cut());
                case "rule" -> new TemplateBlock.Fixed(new Block.Rule(false));
                default -> {
                    problem(at, "'" + node.asText() + "' is not a block (a bare word may be cut or rule)");
                    yield null;
                }
            };
        }
        if (!node.isObject() || node.isEmpty()) {
            problem(at, "a block must be a mapping such as 'text: ...'");
            return null;
        }
        String type = node.fieldNames().next();
        Set<String> options = OPTIONS.get(type);
        if (options == null) {
            problem(at, "'" + type + "' is not a block type (one of " + OPTIONS.keySet() + ")");
            return null;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals(type) && !options.contains(k)) {
                problem(at + "." + k, "unknown option for " + type + " (allowed: " + options + ")");
            }
        }
        JsonNode value = node.get(type);
        String key = at + "." + type;
        return switch (type) {
            case "heading", "text" -> textBlock(type.equals("heading"), node, value, key);
            case "fields" -> fields(value, key);
            case "table" -> table(value, key);
            case "qr" -> new TemplateBlock.Qr(text(value, key),
                    (float) number(node, "size-mm", 30, at), optionalText(node.get("caption"), at + ".caption"));
            case "image" -> image(node, value, at);
            case "spacer" -> new TemplateBlock.Fixed(new Block.Spacer(
                    value.isNumber() && value.asDouble() > 0 ? (float) value.asDouble() : badSpacer(key)));
            case "rule" -> new TemplateBlock.Fixed(new Block.Rule(ruleStyle(value, key)));
            default -> new TemplateBlock.Fixed(new Block.Cut());
        };
    }

    private TemplateBlock textBlock(boolean heading, JsonNode node, JsonNode value, String key) {
        TextStyle base = heading ? TextStyle.TITLE : TextStyle.BODY;
        Align align = node.has("align") ? enumValue(Align.class, node.get("align").asText(), key + ".align")
                : base.align();
        TextSize size = node.has("size") ? enumValue(TextSize.class, node.get("size").asText(), key + ".size")
                : base.size();
        boolean bold = node.has("bold") ? node.get("bold").asBoolean() : base.bold();
        return new TemplateBlock.Text(heading, text(value, key),
                new TextStyle(align == null ? base.align() : align, size == null ? base.size() : size, bold));
    }

    private TemplateBlock fields(JsonNode value, String key) {
        if (!value.isObject() || value.isEmpty()) {
            problem(key, "must map labels to values, e.g. '办件编号: ${caseNumber}'");
            return null;
        }
        List<TemplateBlock.Label> rows = new ArrayList<>();
        value.fields().forEachRemaining(e -> {
            checkText(e.getKey(), key + "." + e.getKey(), schema);
            rows.add(new TemplateBlock.Label(e.getKey(), text(e.getValue(), key + "." + e.getKey())));
        });
        return new TemplateBlock.Fields(rows);
    }

    private TemplateBlock table(JsonNode value, String key) {
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!Set.of("each", "header", "row", "widths").contains(k)) {
                problem(key + "." + k, "unknown key (expected each, header, row, widths)");
            }
        }
        String each = value.path("each").asText("");
        DataSchema.Field list = schema.field(each).orElse(null);
        if (list == null || list.kind() != DataSchema.Kind.LIST) {
            problem(key + ".each", "'" + each + "' is not a list field of " + schema.typeName());
            return null;
        }
        List<String> header = strings(value.path("header"), key + ".header", schema, null);
        List<String> row = strings(value.path("row"), key + ".row", list.element(), "index");
        List<Integer> widths = new ArrayList<>();
        JsonNode w = value.path("widths");
        if (w.isMissingNode()) {
            header.forEach(h -> widths.add(1));
        } else if (!w.isArray() || w.size() != header.size()) {
            problem(key + ".widths", "needs one positive number per header column");
        } else {
            w.forEach(n -> widths.add(n.isInt() && n.asInt() > 0 ? n.asInt() : 1));
        }
        if (header.isEmpty() || header.size() != row.size()) {
            problem(key, "header and row need the same number of columns (" + header.size() + " vs "
                    + row.size() + ")");
        }
        return new TemplateBlock.Table(each, header, row, widths.size() == header.size() ? widths : header.stream()
                .map(h -> 1).toList());
    }

    private TemplateBlock image(JsonNode node, JsonNode value, String at) {
        String source = value != null && value.isTextual() ? value.asText().strip() : "";
        float width = (float) number(node, "width-mm", 40, at);
        Align align = node.has("align") ? enumValue(Align.class, node.get("align").asText(), at + ".align")
                : Align.RIGHT;
        align = align == null ? Align.RIGHT : align;
        boolean overlay = node.path("overlay").asBoolean(false);
        if (source.startsWith("file:")) {
            Path image = dir == null ? null : dir.resolve(source.substring(5).strip()).normalize();
            if (image == null || !Files.isRegularFile(image)) {
                problem(at + ".image", "image file " + (image == null ? source : image) + " not found");
                return null;
            }
            return new TemplateBlock.Fixed(new Block.Image(ImageData.read(image), width, align, overlay));
        }
        String field = Placeholders.soleName(source);
        DataSchema.Field f = field == null ? null : schema.field(field).orElse(null);
        if (f == null || f.kind() != DataSchema.Kind.IMAGE) {
            problem(at + ".image", "'" + source + "' must be file:NAME or ${field} of an image field of "
                    + schema.typeName());
            return null;
        }
        return new TemplateBlock.ImageField(field, width, align, overlay);
    }

    private List<String> strings(JsonNode node, String key, DataSchema against, String extra) {
        List<String> out = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            problem(key, "must be a non-empty list");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String s = node.get(i).asText("");
            checkText(s, key + "[" + i + "]", against, extra);
            out.add(s);
        }
        return out;
    }

    private String text(JsonNode node, String key) {
        if (node == null || !node.isValueNode() || node.asText().isBlank()) {
            problem(key, "needs text");
            return "?";
        }
        checkText(node.asText(), key, schema);
        return node.asText();
    }

    private String optionalText(JsonNode node, String key) {
        return node == null || node.isNull() ? null : text(node, key);
    }

    private void checkText(String text, String key, DataSchema against) {
        checkText(text, key, against, null);
    }

    /** Every placeholder must name a text field of the record; images and lists have blocks of their own. */
    private void checkText(String text, String key, DataSchema against, String extra) {
        if (Placeholders.hasMalformed(text)) {
            problem(key, "malformed placeholder in '" + text + "' (write ${fieldName})");
        }
        for (String name : Placeholders.names(text)) {
            if (name.equals(extra)) {
                continue;
            }
            DataSchema.Field f = against.field(name).orElse(null);
            if (f == null) {
                problem(key, "unknown placeholder ${" + name + "} (" + against.typeName() + " has no such field)");
            } else if (f.kind() != DataSchema.Kind.TEXT) {
                problem(key, "${" + name + "} is a" + (f.kind() == DataSchema.Kind.IMAGE
                        ? "n image: use an image block" : " list: use a table block with each: " + name));
            }
        }
    }

    private double number(JsonNode node, String option, double fallback, String at) {
        JsonNode n = node.get(option);
        if (n == null) {
            return fallback;
        }
        if (!n.isNumber() || n.asDouble() <= 0) {
            problem(at + "." + option, "must be a positive number");
            return fallback;
        }
        return n.asDouble();
    }

    private boolean ruleStyle(JsonNode value, String key) {
        String s = value.asText("solid");
        if (!s.equals("solid") && !s.equals("dashed")) {
            problem(key, "must be solid or dashed");
        }
        return s.equals("dashed");
    }

    private float badSpacer(String key) {
        problem(key, "must be a positive number of lines");
        return 1;
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String value, String key) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problem(key, "'" + value + "' is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
            return null;
        }
    }

    private void problem(String key, String what) {
        problems.add(file + ": " + key + ": " + what);
    }

    private TemplateException failure() {
        return new TemplateException(file, problems);
    }
}
