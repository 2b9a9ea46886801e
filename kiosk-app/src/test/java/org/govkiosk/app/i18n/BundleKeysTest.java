package org.govkiosk.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.junit.jupiter.api.Test;

/**
 * Finds bundle keys the code uses but a language lacks, and keys no code uses. A key is "used" when it appears
 * as a string literal in the main sources, or is built from a device enum (status, detail, family).
 */
class BundleKeysTest {

    private static final Path SOURCES = Paths.get("src/main/java");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");

    @Test
    void everyUsedKeyExistsInEveryLanguage() throws IOException {
        Set<String> zh = keys("messages.properties");
        Set<String> en = keys("messages_en.properties");
        Set<String> used = usedKeys(prefixes(zh));
        assertThat(difference(used, zh)).as("keys used but missing in Chinese").isEmpty();
        assertThat(difference(used, en)).as("keys used but missing in English").isEmpty();
    }

    @Test
    void noUnusedKeys() throws IOException {
        Set<String> zh = keys("messages.properties");
        Set<String> used = usedKeys(prefixes(zh));
        assertThat(difference(zh, used)).as("keys no code uses").isEmpty();
    }

    @Test
    void languagesHaveTheSameKeys() throws IOException {
        assertThat(keys("messages_en.properties")).isEqualTo(keys("messages.properties"));
    }

    @Test
    void chineseIsTheBaseAndEnglishIsSelectable() {
        assertThat(I18n.bundle(Locale.SIMPLIFIED_CHINESE).getString("shell.finish")).isEqualTo("结束办理");
        assertThat(I18n.bundle(Locale.ENGLISH).getString("shell.finish")).isEqualTo("Finish");
    }

    private static Set<String> usedKeys(Set<String> prefixes) throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    if (prefixes.contains(key.substring(0, key.indexOf('.')))) {
                        used.add(key);
                    }
                }
            }
        }
        for (DeviceStatusDetail detail : DeviceStatusDetail.values()) {
            used.add(detail.messageKey());
        }
        for (DeviceStatus status : DeviceStatus.values()) {
            used.add("device.status." + status.name().toLowerCase(Locale.ROOT));
        }
        for (DeviceFamily family : DeviceFamily.values()) {
            used.add("device.family." + family.configName());
        }
        return used;
    }

    private static Set<String> prefixes(Set<String> keys) {
        return keys.stream().map(k -> k.substring(0, k.indexOf('.'))).collect(Collectors.toSet());
    }

    private static Set<String> keys(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18n.class.getResourceAsStream("/org/govkiosk/app/i18n/" + file)) {
            assertThat(in).as(file).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
