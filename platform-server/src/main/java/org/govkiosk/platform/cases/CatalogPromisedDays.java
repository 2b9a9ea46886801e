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
 * The promised days (承诺时限) of every item of the terminals' catalog.yaml, so that the platform promises what
 * the guide on the terminal says: one source of truth. Only {@code items[].code} and
 * {@code items[].time-limit.promised-days} are read here; the terminal's catalog loader checks the rest.
 */
final class CatalogPromisedDays {

    private static final int MAX_DAYS = 365;

    private CatalogPromisedDays() {
    }

    /**
     * Item code → promised working days.
     *
     * @throws IllegalArgumentException with every problem, each as {@code catalog.yaml: items[3].time-limit...}
     */
    static Map<String, Integer> read(Path file) {
        List<String> problems = new ArrayList<>();
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        Map<String, Integer> days = new HashMap<>();
        YamlFiles.readMapping(dir, name, "sections of keys", problems).ifPresent(node -> {
            YamlSection root = YamlSection.root(name, node, problems);
            for (YamlSection item : root.list("items", true)) {
                Optional<String> code = item.quotedString("code", true);
                Optional<Integer> promised = item.section("time-limit", true)
                        .flatMap(t -> t.integer("promised-days", 0, MAX_DAYS, true));
                if (code.isPresent() && promised.isPresent()
                        && days.putIfAbsent(code.get(), promised.get()) != null) {
                    item.problem(item.key("code"), "'" + code.get() + "' is listed twice");
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return Map.copyOf(days);
    }
}
