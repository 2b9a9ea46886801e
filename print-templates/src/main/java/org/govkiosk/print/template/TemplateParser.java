package org.govkiosk.print.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govkiosk.print.data.TemplateKind;
import org.govkiosk.print.model.Align;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.ImageData;
import org.govkiosk.print.model.Medium;
import org.govkiosk.print.model.TextSize;
import org.govkiosk.print.model.TextStyle;
import org.govkiosk.shared.config.YamlFiles;
import org.govkiosk.shared.config.YamlSection;

/**
 * Reads one template file (YAML) and checks it against its kind's data record. Every problem is collected and
 * reported together as {@code FILE: KEY: PROBLEM}, so a hall editing a template fixes it in one go.
 */
public final class TemplateParser {

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
        JsonNode node = YamlFiles.readMapping(file, yaml, "a mapping with kind, title, blocks", problems)
                .orElseThrow(this::failure);
        YamlSection root = YamlSection.root(file, node, problems);
        root.onlyKeys(TOP_KEYS);
        String kindId = root.raw("kind") == null ? "" : root.raw("kind").asText("");
        TemplateKind kind = TemplateKind.byId(kindId).orElse(null);
        if (kind == null) {
            problem("kind", "'" + kindId + "' is not a template kind (one of "
                    + java.util.Arrays.stream(TemplateKind.values()).map(TemplateKind::id).toList() + ")");
            throw failure();
        }
        schema = DataSchema.of(kind.dataType());
        String title = root.string("title", true).orElse("");
        if (title.contains("${")) {
            problem("title", "placeholders are not allowed in the title (it goes into the PDF metadata)");
        }
        Medium medium = root.enumValue("medium", Medium.class, false).orElse(Medium.A4);
        List<TemplateBlock> blocks = new ArrayList<>();
        JsonNode list = root.raw("blocks");
        if (list == null || !list.isArray() || list.isEmpty()) {
            problem("blocks", "missing or empty");
        } else {
            for (int i = 0; i < list.size(); i++) {
                TemplateBlock b = block(list.get(i), root.listItem("blocks", i), "blocks[" + i + "]");
                if (b != null) {
                    blocks.add(b);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw failure();
        }
        String id = file.replaceFirst("\\.ya?ml$", "");
        return new Template(id, kind, title, medium, blocks);
    }

    private TemplateBlock block(JsonNode node, Optional<YamlSection> section, String at) {
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
        if (section.isEmpty() || node.isEmpty()) {
            problem(at, "a block must be a mapping such as 'text: ...'");
            return null;
        }
        YamlSection b = section.get();
        String type = b.keys().get(0);
        Set<String> options = OPTIONS.get(type);
        if (options == null) {
            problem(at, "'" + type + "' is not a block type (one of " + OPTIONS.keySet() + ")"
                    + YamlSection.didYouMean(type, OPTIONS.keySet()));
            return null;
        }
        Set<String> allowed = new java.util.TreeSet<>(options);
        allowed.add(type);
        allowed.add("when");
        b.onlyKeys(allowed);
        JsonNode value = node.get(type);
        String key = at + "." + type;
        TemplateBlock block = blockOf(type, b, node, value, key, at);
        if (!node.has("when") || block == null) {
            return block;
        }
        String when = when(node.get("when"), at + ".when");
        return when == null ? null : new TemplateBlock.When(when, block);
    }

    /** {@code when: FIELD}: the field must exist; a block or row naming it shows only when it is non-empty. */
    private String when(JsonNode node, String key) {
        String name = node != null && node.isTextual() ? node.asText().strip() : "";
        if (name.startsWith("${") && name.endsWith("}")) {
            name = name.substring(2, name.length() - 1).strip();
        }
        if (name.isEmpty()) {
            problem(key, "needs the name of a field of " + schema.typeName() + ", e.g. 'when: caseNumber'");
            return null;
        }
        if (schema.field(name).isEmpty()) {
            problem(key, "unknown field '" + name + "' (" + schema.typeName() + " has no such field)"
                    + YamlSection.didYouMean(name, schema.names()));
            return null;
        }
        return name;
    }

    private TemplateBlock blockOf(String type, YamlSection b, JsonNode node, JsonNode value, String key,
            String at) {
        return switch (type) {
            case "heading", "text" -> textBlock(type.equals("heading"), b, value, key);
            case "fields" -> fields(value, key);
            case "table" -> table(b, value, key);
            case "qr" -> new TemplateBlock.Qr(text(value, key),
                    (float) number(node, "size-mm", 30, at), optionalText(node.get("caption"), at + ".caption"));
            case "image" -> image(b, node, value, at);
            case "spacer" -> new TemplateBlock.Fixed(new Block.Spacer(
                    value.isNumber() && value.asDouble() > 0 ? (float) value.asDouble() : badSpacer(key)));
            case "rule" -> new TemplateBlock.Fixed(new Block.Rule(ruleStyle(value, key)));
            default -> new TemplateBlock.Fixed(new Block.Cut());
        };
    }

    private TemplateBlock textBlock(boolean heading, YamlSection b, JsonNode value, String key) {
        TextStyle base = heading ? TextStyle.TITLE : TextStyle.BODY;
        Align align = b.enumValue("align", Align.class, false).orElse(base.align());
        TextSize size = b.enumValue("size", TextSize.class, false).orElse(base.size());
        boolean bold = b.bool("bold", base.bold());
        return new TemplateBlock.Text(heading, text(value, key), new TextStyle(align, size, bold));
    }

    private TemplateBlock fields(JsonNode value, String key) {
        if (!value.isObject() || value.isEmpty()) {
            problem(key, "must map labels to values, e.g. '办件编号: ${caseNumber}'");
            return null;
        }
        List<TemplateBlock.Label> rows = new ArrayList<>();
        value.fields().forEachRemaining(e -> {
            String at = key + "." + e.getKey();
            checkText(e.getKey(), at, schema);
            JsonNode row = e.getValue();
            if (row != null && row.isObject()) {
                // 办件编号: {value: ${caseNumber}, when: caseNumber}
                java.util.List<String> unknown = new ArrayList<>();
                row.fieldNames().forEachRemaining(k -> {
                    if (!k.equals("value") && !k.equals("when")) {
                        unknown.add(k);
                    }
                });
                unknown.forEach(k -> problem(at + "." + k, "unknown key (a row may have value and when)"
                        + YamlSection.didYouMean(k, Set.of("value", "when"))));
                String when = row.has("when") ? when(row.get("when"), at + ".when") : null;
                rows.add(new TemplateBlock.Label(e.getKey(), text(row.get("value"), at + ".value"), when));
            } else {
                rows.add(new TemplateBlock.Label(e.getKey(), text(row, at)));
            }
        });
        return new TemplateBlock.Fields(rows);
    }

    private TemplateBlock table(YamlSection block, JsonNode value, String key) {
        block.section("table", false).ifPresent(t -> t.onlyKeys("each", "header", "row", "widths"));
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

    private TemplateBlock image(YamlSection b, JsonNode node, JsonNode value, String at) {
        String source = value != null && value.isTextual() ? value.asText().strip() : "";
        float width = (float) number(node, "width-mm", 40, at);
        Align align = b.enumValue("align", Align.class, false).orElse(Align.RIGHT);
        boolean overlay = b.bool("overlay", false);
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

    private void problem(String key, String what) {
        problems.add(file + ": " + key + ": " + what);
    }

    private TemplateException failure() {
        return new TemplateException(file, problems);
    }
}
