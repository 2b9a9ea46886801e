package org.govkiosk.app.maintenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.govkiosk.app.audit.Audit;
import org.govkiosk.app.catalog.Catalog;
import org.govkiosk.app.config.ConfigException;
import org.govkiosk.app.config.TerminalConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads and validates the whole configuration directory without stopping service. An invalid directory changes
 * nothing: every problem is listed and the terminal runs on. A valid one is compared with what runs, section by
 * section; a changed section is applied live when the terminal can take it (an {@link Applier} is registered for
 * it), and is otherwise reported as needing a restart, again at every reload until the terminal restarts.
 */
public final class ConfigReload {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigReload.class);

    /** The sections of the configuration, in the order a technician reads them. */
    public enum Section { TERMINAL, SESSION, UI, MAINTENANCE, PLATFORM, PRINT, STORAGE, OPS, VOICE, DEVICES, CATALOG }

    /** A freshly loaded configuration: terminal.yaml with devices, and the catalog. */
    public record Loaded(TerminalConfig config, Catalog catalog) {
        public Loaded {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(catalog, "catalog");
        }
    }

    /** Loads and validates the directory; throws with every problem. */
    @FunctionalInterface
    public interface Loader {
        Loaded load() throws ConfigException;
    }

    /** Puts one section's new values to work; throws when it cannot (the section then needs a restart). */
    @FunctionalInterface
    public interface Applier {
        void apply(Loaded loaded);
    }

    public sealed interface Result {
        record Invalid(List<String> problems) implements Result {
        }

        record Unchanged() implements Result {
        }

        /** @param needRestart changed sections this terminal cannot take live, and earlier ones still waiting */
        record Changed(List<Section> applied, List<Section> needRestart) implements Result {
        }
    }

    private static final Map<Section, Function<Loaded, Object>> VALUES = values();

    private final Loader loader;
    private final Map<Section, Applier> appliers;
    private final Audit audit;
    /** What runs now, section by section: the start configuration with what was applied live since. */
    private final Map<Section, Object> running = new LinkedHashMap<>();
    private final java.util.EnumSet<Section> waitingForRestart = java.util.EnumSet.noneOf(Section.class);

    public ConfigReload(Loaded atStart, Loader loader, Map<Section, Applier> appliers, Audit audit) {
        this.loader = loader;
        this.appliers = Map.copyOf(appliers);
        this.audit = audit;
        VALUES.forEach((section, value) -> running.put(section, value.apply(atStart)));
    }

    /** The sections this terminal applies live. */
    public java.util.Set<Section> liveSections() {
        return appliers.keySet();
    }

    public synchronized Result reload() {
        Loaded loaded;
        try {
            loaded = loader.load();
        } catch (ConfigException e) {
            audit.record("config-reload", Map.of("result", "invalid", "problems", String.valueOf(e.problems().size())));
            LOG.warn("Configuration reload refused, {} problem(s); running on the old configuration",
                    e.problems().size());
            return new Result.Invalid(e.problems());
        } catch (RuntimeException e) {
            // A loader bug must not take the terminal down with it: treat it as one problem.
            LOG.error("Configuration reload failed", e);
            audit.record("config-reload", Map.of("result", "invalid", "problems", "1"));
            return new Result.Invalid(List.of(e.toString()));
        }
        List<Section> applied = new ArrayList<>();
        for (Section section : Section.values()) {
            Object now = VALUES.get(section).apply(loaded);
            if (Objects.equals(running.get(section), now)) {
                continue;
            }
            Applier applier = appliers.get(section);
            if (applier == null) {
                waitingForRestart.add(section);
                continue;
            }
            try {
                applier.apply(loaded);
                running.put(section, now);
                waitingForRestart.remove(section);
                applied.add(section);
            } catch (RuntimeException e) {
                LOG.error("Section {} of the reloaded configuration could not be applied live", section, e);
                waitingForRestart.add(section);
            }
        }
        if (applied.isEmpty() && waitingForRestart.isEmpty()) {
            audit.record("config-reload", Map.of("result", "unchanged"));
            return new Result.Unchanged();
        }
        List<Section> restart = List.copyOf(waitingForRestart);
        audit.record("config-reload", Map.of("result", "changed", "applied", applied.toString(),
                "restart", restart.toString()));
        return new Result.Changed(List.copyOf(applied), restart);
    }

    private static Map<Section, Function<Loaded, Object>> values() {
        Map<Section, Function<Loaded, Object>> v = new java.util.EnumMap<>(Section.class);
        v.put(Section.TERMINAL, l -> l.config().terminal());
        v.put(Section.SESSION, l -> l.config().session());
        v.put(Section.UI, l -> l.config().ui());
        v.put(Section.MAINTENANCE, l -> l.config().maintenance());
        v.put(Section.PLATFORM, l -> l.config().platform());
        v.put(Section.PRINT, l -> l.config().print());
        v.put(Section.STORAGE, l -> l.config().storage());
        v.put(Section.OPS, l -> l.config().ops());
        v.put(Section.VOICE, l -> l.config().voice());
        v.put(Section.DEVICES, l -> l.config().devices());
        // Catalog has no equals of its own, and its items hold regex Patterns (identity equals): compared by their
        // text, which records spell out whole and a Pattern as its regex.
        v.put(Section.CATALOG, l -> List.of(l.catalog().items(), l.catalog().departments(), l.catalog().lifeEvents())
                .toString());
        return v;
    }
}
