package org.govkiosk.print.template;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.govkiosk.print.data.TemplateData;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.model.ImageData;

/**
 * Fills a template from its typed data. A field the template uses that is null, blank or an empty list is an
 * error naming the template and the field: paper with a gap where the case number should be is worse than none.
 */
public final class TemplateFiller {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private TemplateFiller() {
    }

    public static Document fill(Template template, TemplateData data) {
        if (data.kind() != template.kind()) {
            throw new TemplateException(template.id(), null, "is a " + template.kind().id()
                    + " template and cannot be filled from " + data.getClass().getSimpleName());
        }
        DataSchema schema = DataSchema.of(data.getClass());
        List<Block> blocks = new ArrayList<>();
        for (TemplateBlock b : template.blocks()) {
            if (b instanceof TemplateBlock.When w) {
                if (!shown(w.when(), schema, data)) {
                    continue;
                }
                b = w.block();
            }
            Block filled = fillBlock(template.id(), b, schema, data);
            if (filled != null) {
                blocks.add(filled);
            }
        }
        return new Document(template.id(), template.title(), template.medium(), blocks);
    }

    /** The filled block; null for a fields block whose rows all have a {@code when:} field that is empty. */
    // Java 17: no pattern switch yet; the sealed interface still makes the set of cases closed
    private static Block fillBlock(String id, TemplateBlock block, DataSchema schema, Object data) {
        if (block instanceof TemplateBlock.Text t) {
            String text = text(id, t.text(), schema, data, "");
            return t.heading() ? new Block.Heading(text, t.style()) : new Block.Paragraph(text, t.style());
        }
        if (block instanceof TemplateBlock.Fields f) {
            List<Block.Entry> entries = f.rows().stream()
                    .filter(r -> r.when() == null || shown(r.when(), schema, data))
                    .map(r -> new Block.Entry(text(id, r.label(), schema, data, ""),
                            text(id, r.value(), schema, data, "")))
                    .toList();
            return entries.isEmpty() ? null : new Block.KeyValueTable(entries); // every row's when: left it empty
        }
        if (block instanceof TemplateBlock.Table t) {
            return table(id, t, schema, data);
        }
        if (block instanceof TemplateBlock.Qr q) {
            return new Block.Qr(text(id, q.payload(), schema, data, ""), q.sizeMm(),
                    q.caption() == null ? null : text(id, q.caption(), schema, data, ""));
        }
        if (block instanceof TemplateBlock.ImageField i) {
            return new Block.Image((ImageData) required(id, i.field(), schema, data, ""), i.widthMm(), i.align(),
                    i.overlay());
        }
        return ((TemplateBlock.Fixed) block).block();
    }

    /** {@code when:}: the field is there and not null, blank, an empty list or false. */
    private static boolean shown(String field, DataSchema schema, Object data) {
        Object value = DataSchema.read(data, schema.field(field).orElseThrow());
        return value != null && !(value instanceof String s && s.isBlank())
                && !(value instanceof List<?> l && l.isEmpty()) && !Boolean.FALSE.equals(value);
    }

    private static Block table(String id, TemplateBlock.Table t, DataSchema schema, Object data) {
        List<?> items = (List<?>) required(id, t.each(), schema, data, "");
        DataSchema.Field listField = schema.field(t.each()).orElseThrow();
        List<String> header = t.header().stream().map(h -> text(id, h, schema, data, "")).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String prefix = t.each() + "[" + i + "].";
            if (item == null) {
                throw new TemplateException(id, t.each() + "[" + i + "]", "is missing");
            }
            String index = Integer.toString(i + 1);
            List<String> cells = new ArrayList<>();
            for (String cell : t.row()) {
                cells.add(Placeholders.fill(cell, name -> name.equals("index") ? index
                        : format(required(id, name, listField.element(), item, prefix))));
            }
            rows.add(cells);
        }
        return new Block.Table(header, t.widths(), rows);
    }

    private static String text(String id, String text, DataSchema schema, Object data, String prefix) {
        return Placeholders.fill(text, name -> format(required(id, name, schema, data, prefix)));
    }

    private static Object required(String id, String name, DataSchema schema, Object data, String prefix) {
        DataSchema.Field field = schema.field(name).orElseThrow(() ->
                new TemplateException(id, prefix + name, "is not a field of " + schema.typeName()));
        Object value = DataSchema.read(data, field);
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new TemplateException(id, prefix + name, "is missing");
        }
        if (value instanceof List<?> l && l.isEmpty()) {
            throw new TemplateException(id, prefix + name, "is empty");
        }
        return value;
    }

    /** How typed values read on paper: Chinese dates, everything else by its text. */
    static String format(Object value) {
        if (value instanceof LocalDateTime t) {
            return DATE_TIME.format(t);
        }
        if (value instanceof LocalDate d) {
            return DATE.format(d);
        }
        return value.toString().strip();
    }
}
