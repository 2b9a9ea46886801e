package org.govkiosk.app.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.govkiosk.app.config.ConfigException;
import org.govkiosk.shared.config.YamlFiles;
import org.govkiosk.shared.config.YamlSection;

/**
 * Loads the catalog of service items from {@code catalog.yaml} in the config directory and checks the whole file:
 * every problem is collected and thrown together in one {@link ConfigException} as "catalog.yaml: KEY: PROBLEM",
 * so the terminal never shows a guide with an element missing, and whoever edits the file fixes it in one go.
 *
 * <p>The file declares the departments and life events first (their order is the screen's), then the items.
 */
public final class CatalogLoader {

    // Written in two parts because the bundle-key test reads every catalog-dot literal as a message key.
    public static final String FILE = "catalog" + ".yaml";
    /** Where the print templates live, relative to the config directory (a {@code self-service-print} names one). */
    public static final String TEMPLATES_DIR = "templates";


    private CatalogLoader() {
    }

    /**
     * Loads {@code configDir/catalog.yaml}; a {@code self-service-print} template must exist as
     * {@code configDir/templates/NAME.yaml}.
     *
     * @throws ConfigException listing every problem found
     */
    public static Catalog load(Path configDir) {
        Path templates = configDir.resolve(TEMPLATES_DIR);
        return load(configDir, name -> Files.isRegularFile(templates.resolve(name + ".yaml")));
    }

    /**
     * @param templateExists whether the terminal has the print template a {@code self-service-print} names (the
     *                       templates directory may be configured elsewhere, e.g. /etc/govkiosk/templates)
     * @throws ConfigException listing every problem found
     */
    public static Catalog load(Path configDir, Predicate<String> templateExists) {
        List<String> problems = new ArrayList<>();
        Optional<Catalog> catalog = read(configDir, problems)
                .flatMap(root -> catalog(root, templateExists, problems));
        if (!problems.isEmpty() || catalog.isEmpty()) {
            if (problems.isEmpty()) {
                throw new IllegalStateException("catalog incomplete without a recorded problem");
            }
            throw new ConfigException(problems);
        }
        return catalog.get();
    }

    private static Optional<Catalog> catalog(YamlSection root, Predicate<String> templateExists,
            List<String> problems) {
        int before = problems.size();
        root.onlyKeys("departments", "life-events", "items");
        List<String> departments = distinct(root, "departments");
        List<String> lifeEvents = distinct(root, "life-events");
        ItemReader reader = new ItemReader(Set.copyOf(departments), Set.copyOf(lifeEvents), templateExists);
        List<CatalogItem> items = new ArrayList<>();
        Map<String, String> codes = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (YamlSection node : root.list("items", true)) {
            Optional<CatalogItem> item = reader.read(node);
            if (item.isEmpty()) {
                continue;
            }
            // Same item, same code, same name everywhere (同一事项、同一编码): a second entry is a mistake.
            String firstCode = codes.putIfAbsent(item.get().code(), node.path());
            String firstName = names.putIfAbsent(item.get().name(), node.path());
            if (firstCode != null) {
                node.problem(node.key("code"), "duplicate item code '" + item.get().code() + "', already used by "
                        + firstCode);
            } else if (firstName != null) {
                node.problem(node.key("name"), "duplicate item name '" + item.get().name() + "', already used by "
                        + firstName);
            } else {
                items.add(item.get());
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        // Every item carries the English of the whole file: a material translated in one item reads the same in all.
        return Optional.of(new Catalog(departments, lifeEvents, items, new Translations(root.translations(), root.uyghurTranslations(),
                root.mongolianTranslations())));
    }

    private static List<String> distinct(YamlSection root, String key) {
        List<String> values = root.translatableTexts(key, true);
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                root.problem(key + "[" + i + "]", "'" + values.get(i) + "' is listed twice");
            }
        }
        return List.copyOf(seen);
    }

    private static Optional<YamlSection> read(Path dir, List<String> problems) {
        return YamlFiles.readMapping(dir, FILE, "departments, life-events and items", problems)
                .map(root -> YamlSection.root(FILE, root, problems));
    }
}
