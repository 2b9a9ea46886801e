package org.govkiosk.app.diag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.TransportConfig;

/**
 * {@code diag ports}: the serial ports the OS shows, and each configured device with where it is reached. A serial
 * device whose path is missing (cable out, wrong /dev/serial/by-id name) makes the exit code 1.
 */
final class PortList {

    private PortList() {
    }

    static DiagResult run(SortedMap<String, String> systemPorts, TerminalConfig config) {
        List<String> text = new ArrayList<>();
        List<Map<String, Object>> ports = new ArrayList<>();
        text.add("serial ports the OS shows (" + systemPorts.size() + "):");
        systemPorts.forEach((path, description) -> {
            text.add("  " + path + "  " + description);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("path", path);
            p.put("description", description);
            ports.add(p);
        });
        text.add("configured devices (" + config.devices().size() + "):");
        List<Map<String, Object>> devices = new ArrayList<>();
        boolean allPresent = true;
        for (DeviceConfig d : config.devices()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", d.id());
            one.put("family", d.family().configName());
            one.put("model", d.model());
            one.put("enabled", d.enabled());
            one.put("transport", d.transport().kind().name().toLowerCase(java.util.Locale.ROOT));
            one.put("address", d.transport().describe());
            String state = "";
            TransportConfig.Kind kind = d.transport().kind();
            if (kind == TransportConfig.Kind.SERIAL || kind == TransportConfig.Kind.USB) {
                Path path = Path.of(d.transport().port());
                boolean present = Files.exists(path);
                one.put("path", path.toString());
                one.put("present", present);
                state = present ? "present" : "MISSING";
                if (present) {
                    String real = realPath(path);
                    one.put("realPath", real);
                    if (!real.equals(path.toString())) {
                        state += " -> " + real;
                    }
                }
                allPresent &= present || !d.enabled();
            }
            devices.add(one);
            text.add(String.format("  %-14s %-18s %-34s %s%s", d.id(), d.family().configName(),
                    d.transport().describe(), state, d.enabled() ? "" : " (disabled)"));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", allPresent);
        json.put("systemPorts", ports);
        json.put("devices", devices);
        return new DiagResult(allPresent ? DiagCli.OK : DiagCli.FAULT, text, json);
    }

    private static String realPath(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (java.io.IOException e) {
            return path.toString();
        }
    }
}
