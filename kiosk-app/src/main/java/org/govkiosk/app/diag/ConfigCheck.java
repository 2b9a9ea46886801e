package org.govkiosk.app.diag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govkiosk.app.catalog.Catalog;
import org.govkiosk.app.catalog.CatalogLoader;
import org.govkiosk.app.config.ConfigException;
import org.govkiosk.app.config.ConfigLoader;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.device.registry.DeviceRegistry;
import org.govkiosk.device.registry.DriverFactories;
import org.govkiosk.print.pdf.FontLocator;
import org.govkiosk.print.pdf.FontNotFoundException;
import org.govkiosk.print.template.TemplateException;
import org.govkiosk.print.template.TemplateRepository;

/**
 * {@code diag config-check}: the checks the terminal makes before its first screen (terminal.yaml, devices.yaml
 * with the drivers' own rules, the catalog, the templates, a named font), all problems at once, without starting
 * anything. A technician runs it after editing /etc/govkiosk and before restarting the service.
 */
final class ConfigCheck {

    private ConfigCheck() {
    }

    /** The terminal's and devices' configuration, with the drivers' checks; throws with every problem. */
    static TerminalConfig load(Path dir) {
        return ConfigLoader.load(dir, DeviceRegistry.validator(DriverFactories.builtIn()));
    }

    static DiagResult run(Path dir) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return DiagResult.problems(DiagCli.CONFIG, "configuration folder " + dir.toAbsolutePath()
                    + " does not exist", List.of(dir + ": not a folder"));
        }
        TerminalConfig config = null;
        try {
            config = load(dir);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        Path templatesDir = dir.resolve(config != null ? config.print().templatesDir()
                : Path.of(TerminalConfig.Print.DEFAULT_TEMPLATES));
        Catalog catalog = null;
        try {
            catalog = CatalogLoader.load(dir, name -> Files.isRegularFile(templatesDir.resolve(name + ".yaml")));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        int templates = 0;
        try {
            TemplateRepository.load(templatesDir);
            try (var files = Files.list(templatesDir)) {
                templates = (int) files.filter(f -> f.getFileName().toString().endsWith(".yaml")).count();
            }
        } catch (TemplateException e) {
            e.problems().forEach(p -> problems.add("templates: " + p));
        } catch (java.io.IOException e) {
            problems.add("templates: " + templatesDir + " cannot be listed: " + e.getMessage());
        }
        if (config != null && config.print().fontPath().isPresent()) {
            try {
                FontLocator.of(config.print().fontPath()).locate();
            } catch (FontNotFoundException e) {
                problems.add(ConfigLoader.TERMINAL_FILE + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return DiagResult.problems(DiagCli.CONFIG, "configuration in " + dir.toAbsolutePath() + " is not valid ("
                    + problems.size() + (problems.size() == 1 ? " problem)" : " problems)"), problems);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", true);
        json.put("configDir", dir.toAbsolutePath().toString());
        json.put("terminalId", config.terminal().id());
        json.put("devices", config.devices().size());
        json.put("items", catalog.items().size());
        json.put("templates", templates);
        return new DiagResult(DiagCli.OK, List.of("configuration in " + dir.toAbsolutePath() + " is valid: terminal "
                + config.terminal().id() + ", " + config.devices().size() + " devices, " + catalog.items().size()
                + " service items, " + templates + " templates"), json);
    }
}
