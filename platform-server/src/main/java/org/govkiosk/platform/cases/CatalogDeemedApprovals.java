package org.govkiosk.platform.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.govkiosk.shared.config.YamlFiles;
import org.govkiosk.shared.config.YamlSection;

/**
 * The items of the terminals' catalog.yaml marked {@code deemed-approval: true} (承诺超时默认): a case of one that is
 * not decided by its promised date is taken as granted. Only {@code items[].code} and that key are read here; the
 * terminal's catalog loader checks the rest (a promised item only).
 */
final class CatalogDeemedApprovals {

    private CatalogDeemedApprovals() {
    }

    /** @throws IllegalArgumentException with every problem, each as {@code catalog.yaml: items[3]...} */
    static Set<String> read(Path file) {
        List<String> problems = new ArrayList<>();
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        Set<String> items = new HashSet<>();
        YamlFiles.readMapping(dir, name, "sections of keys", problems).ifPresent(node -> {
            YamlSection root = YamlSection.root(name, node, problems);
            for (YamlSection item : root.list("items", true)) {
                Optional<String> code = item.quotedString("code", false);
                if (item.bool("deemed-approval", false) && code.isPresent()) {
                    items.add(code.get());
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return Set.copyOf(items);
    }
}
