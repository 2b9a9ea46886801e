package org.govkiosk.print.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.govkiosk.print.data.TemplateData;
import org.govkiosk.print.data.TemplateKind;
import org.govkiosk.print.model.Document;

/**
 * The templates of a terminal, loaded from a folder ({@code config/templates}) at start and checked as a whole:
 * one template per kind, every placeholder known. A bad folder stops the terminal with every problem listed.
 */
public final class TemplateRepository {

    private final Map<TemplateKind, Template> byKind;

    private TemplateRepository(Map<TemplateKind, Template> byKind) {
        this.byKind = byKind;
    }

    public static TemplateRepository load(Path dir) {
        String where = dir.toString();
        if (!Files.isDirectory(dir)) {
            throw new TemplateException(where, null, "is not a folder of templates");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new TemplateException(where, null, "cannot be listed: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        Map<TemplateKind, Template> byKind = new EnumMap<>(TemplateKind.class);
        for (Path file : files) {
            try {
                Template t = TemplateParser.parse(file);
                Template before = byKind.putIfAbsent(t.kind(), t);
                if (before != null) {
                    problems.add(file.getFileName() + ": kind: " + t.kind().id() + " is already defined by "
                            + before.id());
                }
            } catch (TemplateException e) {
                problems.addAll(e.problems());
            }
        }
        for (TemplateKind kind : TemplateKind.values()) {
            if (!byKind.containsKey(kind) && problems.stream().noneMatch(p -> p.startsWith(kind.id() + "."))) {
                problems.add(where + ": no template of kind " + kind.id() + " (expected e.g. " + kind.id()
                        + ".yaml)");
            }
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(where, problems);
        }
        return new TemplateRepository(byKind);
    }

    public Template template(TemplateKind kind) {
        return byKind.get(kind);
    }

    /** The document for {@code data}, filled from the template of its kind. */
    public Document fill(TemplateData data) {
        return TemplateFiller.fill(template(data.kind()), data);
    }
}
