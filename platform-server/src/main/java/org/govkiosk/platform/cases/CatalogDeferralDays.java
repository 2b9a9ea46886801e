package org.govkiosk.platform.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govkiosk.shared.config.YamlFiles;
import org.govkiosk.shared.config.YamlSection;

/**
 * The 容缺 deadlines of the terminals' catalog.yaml: for every material marked {@code deferrable: true}, the working
 * days it may be handed in later ({@code deferral-days}, default {@value #DEFAULT_DAYS}, as the terminal reads it),
 * by item code and material code. A material's code is its position in the item's list (M01, M02 ...), the same
 * rule the terminal sends cases with. Only these keys are read here; the terminal's catalog loader checks the rest.
 */
final class CatalogDeferralDays {

    /** The terminal's default for a deferrable material without deferral-days (its MaterialRequirement). */
    static final int DEFAULT_DAYS = 10;
    private static final int MAX_DAYS = 60;

    private CatalogDeferralDays() {
    }

    /**
     * Item code → (material code → working days) for the deferrable materials.
     *
     * @throws IllegalArgumentException with every problem, each as {@code catalog.yaml: items[3].materials[1]...}
     */
    static Map<String, Map<String, Integer>> read(Path file) {
        List<String> problems = new ArrayList<>();
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        Map<String, Map<String, Integer>> days = new HashMap<>();
        YamlFiles.readMapping(dir, name, "sections of keys", problems).ifPresent(node -> {
            YamlSection root = YamlSection.root(name, node, problems);
            for (YamlSection item : root.list("items", true)) {
                Optional<String> code = item.quotedString("code", false);
                Map<String, Integer> byMaterial = new HashMap<>();
                List<YamlSection> materials = item.list("materials", false);
                for (int i = 0; i < materials.size(); i++) {
                    YamlSection m = materials.get(i);
                    Optional<Integer> given = m.integer("deferral-days", 1, MAX_DAYS, false);
                    if (m.bool("deferrable", false)) {
                        byMaterial.put(String.format("M%02d", i + 1), given.orElse(DEFAULT_DAYS));
                    }
                }
                if (code.isPresent() && !byMaterial.isEmpty()) {
                    days.put(code.get(), Map.copyOf(byMaterial));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return Map.copyOf(days);
    }
}
