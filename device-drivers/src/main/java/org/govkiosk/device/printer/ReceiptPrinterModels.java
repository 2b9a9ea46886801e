package org.govkiosk.device.printer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.internal.driver.escpos.ReceiptPrinterSettings;
import org.govkiosk.shared.config.YamlSection;

/**
 * The receipt printer models of a terminal, in devices.yaml under {@code printer-models}: each a name and the
 * settings all printers of that model share (which {@code DLE EOT n} it answers, its encoding, {@code FS &}, QR,
 * timing; the keys of {@link ReceiptPrinterSettings#MODEL_KEYS}). A device names its model with {@code model:};
 * its own {@code options} override the model's. For example:
 * <pre>
 * printer-models:
 *   xp-58-clone:
 *     status-queries: [1, 2, 4]     # does not answer DLE EOT 3
 *     encoding: GB2312
 *     replacement: "□"
 *     qr: raster
 *     print-width-dots: 384
 * </pre>
 */
public final class ReceiptPrinterModels {

    public static final String SECTION = "printer-models";
    /** The model of a device that names none: the ESC/POS defaults. */
    public static final String GENERIC = "generic";

    private ReceiptPrinterModels() {
    }

    /** Every model of the section, name → settings as option text; problems go to the section's file. */
    public static Map<String, Map<String, String>> read(YamlSection section) {
        Map<String, Map<String, String>> models = new LinkedHashMap<>();
        for (String name : section.keys()) {
            Optional<YamlSection> model = section.section(name, true);
            if (model.isEmpty()) {
                continue;
            }
            model.get().onlyKeys(ReceiptPrinterSettings.MODEL_KEYS);
            Map<String, String> options = new LinkedHashMap<>();
            for (String key : model.get().keys()) {
                if (ReceiptPrinterSettings.MODEL_KEYS.contains(key)) {
                    value(model.get(), key).ifPresent(v -> options.put(key, v));
                }
            }
            List<String> problems = new ArrayList<>();
            ReceiptPrinterSettings.of(new DeviceConfig(name, DeviceFamily.RECEIPT_PRINTER, name,
                    org.govkiosk.device.TransportConfig.simulator(), true, null, null, options), problems);
            for (String p : problems) {
                String rest = p.startsWith("options.") ? p.substring("options.".length()) : p;
                int colon = rest.indexOf(": ");
                model.get().problem(model.get().key(colon > 0 ? rest.substring(0, colon) : ""),
                        colon > 0 ? rest.substring(colon + 2) : rest);
            }
            // Kept even with problems (the load fails on them anyway): its printers must not read "unknown model".
            models.put(name, Map.copyOf(options));
        }
        return models;
    }

    /**
     * Why a receipt printer's {@code model} names no model of {@code models}, with the one probably meant; empty
     * when it does (or names {@code generic}, or the device is no receipt printer).
     */
    public static Optional<String> unknownModel(DeviceConfig config, Map<String, Map<String, String>> models) {
        if (config.family() != DeviceFamily.RECEIPT_PRINTER || config.model().equals(GENERIC)
                || models.containsKey(config.model())) {
            return Optional.empty();
        }
        TreeSet<String> known = new TreeSet<>(models.keySet());
        known.add(GENERIC);
        return Optional.of("unknown printer model '" + config.model() + "'" + YamlSection.didYouMean(config.model(),
                known) + "; define it under " + SECTION + " (defined: " + String.join(", ", known) + ")");
    }

    /** The device with its model's settings beneath its own options. */
    public static DeviceConfig withModel(DeviceConfig config, Map<String, Map<String, String>> models) {
        Map<String, String> model = config.family() == DeviceFamily.RECEIPT_PRINTER
                ? models.get(config.model()) : null;
        if (model == null) {
            return config;
        }
        Map<String, String> options = new LinkedHashMap<>(model);
        options.putAll(config.options());
        return new DeviceConfig(config.id(), config.family(), config.model(), config.transport(), config.enabled(),
                config.pollInterval(), config.silenceTimeout(), options);
    }

    /** A scalar as text, or a list of scalars as {@code a,b,c} ({@code status-queries: [1, 2, 4]}). */
    private static Optional<String> value(YamlSection s, String key) {
        JsonNode n = s.raw(key);
        if (n != null && n.isArray()) {
            List<String> items = s.strings(key);
            return Optional.of(String.join(",", items));
        }
        if (n != null && n.isBoolean()) {
            return Optional.of(n.asText());
        }
        return s.string(key, true);
    }
}
