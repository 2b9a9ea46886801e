package org.govkiosk.platform.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govkiosk.platform.store.JointDepartments;
import org.govkiosk.shared.config.YamlFiles;
import org.govkiosk.shared.config.YamlSection;

/**
 * The joint items (联办件) of the terminals' catalog.yaml with their departments: {@code department} leads, each of
 * {@code co-departments} joins; by item code. One source of truth with the terminal's guide and receipt. Only these
 * keys are read here; the terminal's catalog loader checks the rest (a joint item names its co-departments).
 */
public final class CatalogJointDepartments {

    private final Map<String, JointDepartments> byItem;

    public CatalogJointDepartments(Map<String, JointDepartments> byItem) {
        this.byItem = Map.copyOf(byItem);
    }

    /** No joint items known (no catalog configured): joint cases then have no departments' steps. */
    public static CatalogJointDepartments none() {
        return new CatalogJointDepartments(Map.of());
    }

    /** @throws IllegalArgumentException with every problem, each as {@code catalog.yaml: items[3]...} */
    public static CatalogJointDepartments read(Path file) {
        List<String> problems = new ArrayList<>();
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        Map<String, JointDepartments> found = new HashMap<>();
        YamlFiles.readMapping(dir, name, "sections of keys", problems).ifPresent(node -> {
            YamlSection root = YamlSection.root(name, node, problems);
            for (YamlSection item : root.list("items", true)) {
                Optional<String> code = item.quotedString("code", false);
                Optional<String> lead = item.translatable("department", false);
                List<String> joint = item.translatableTexts("co-departments", false);
                if (code.isEmpty() || lead.isEmpty() || joint.isEmpty()) {
                    continue;
                }
                try {
                    found.put(code.get(), new JointDepartments(lead.get(), joint));
                } catch (IllegalArgumentException e) {
                    item.problem(item.key("co-departments"), e.getMessage());
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new CatalogJointDepartments(found);
    }

    /** The departments of a joint item, empty for any other item. */
    public Optional<JointDepartments> of(String itemCode) {
        return Optional.ofNullable(byItem.get(itemCode));
    }

    public int size() {
        return byItem.size();
    }
}
