package org.govkiosk.platform.province;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govkiosk.shared.config.YamlFiles;
import org.govkiosk.shared.config.YamlSection;

/**
 * The handling department (实施主体) of every item of the terminals' catalog.yaml: what the province is told a
 * rating's department is. Only {@code items[].code} and {@code items[].department} are read; the terminal's
 * catalog loader checks the rest.
 */
final class CatalogDepartments {

    private CatalogDepartments() {
    }

    /** Item code → department; empty without a catalog. */
    static Map<String, String> read(Optional<Path> catalog) {
        if (catalog.isEmpty()) {
            return Map.of();
        }
        Path file = catalog.get();
        List<String> problems = new ArrayList<>();
        Map<String, String> out = new HashMap<>();
        YamlFiles.readMapping(file.toAbsolutePath().getParent(), file.getFileName().toString(), "sections of keys",
                problems).ifPresent(node -> {
                    YamlSection root = YamlSection.root(file.getFileName().toString(), node, problems);
                    for (YamlSection item : root.list("items", false)) {
                        Optional<String> code = item.quotedString("code", false);
                        Optional<String> department = item.string("department", false);
                        if (code.isPresent() && department.isPresent()) {
                            out.putIfAbsent(code.get(), department.get());
                        }
                    }
                });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return Map.copyOf(out);
    }
}
