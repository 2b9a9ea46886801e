package org.govkiosk.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.govkiosk.app.config.ConfigLoader;
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
    private static final Path BUNDLES = Paths.get("src/main/resources/org/govkiosk/app/i18n");
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

    /**
     * Every shipped bundle (every messages_*.properties beside the base) has every key of the base: a missing key
     * would otherwise show the Chinese silently on that language's screen (the base is the fallback). And no key
     * the base lacks, which no code would show.
     */
    @Test
    void everyShippedLanguageHasEveryKeyOfTheBase() throws IOException {
        Set<String> base = keys("messages.properties");
        List<String> shipped = shippedBundles();
        assertThat(shipped).as("shipped bundles").contains("messages_en.properties", "messages_ug.properties",
                "messages_mn.properties");
        for (String bundle : shipped) {
            Set<String> keys = keys(bundle);
            assertThat(difference(base, keys)).as("keys missing in %s (they would show in Chinese)", bundle).isEmpty();
            assertThat(difference(keys, base)).as("keys in %s that the base lacks", bundle).isEmpty();
        }
    }

    /** The check above fails on a bundle that lacks a key (a fixture with one key left out). */
    @Test
    void aBundleWithAMissingKeyIsFound() throws IOException {
        Set<String> base = keys("messages.properties");
        Set<String> fixture = new TreeSet<>(keys("messages_ug.properties"));
        fixture.remove("shell.finish");
        assertThat(difference(base, fixture)).containsExactly("shell.finish");
    }

    /** Every language the terminal offers has a bundle, and every shipped bundle is offered. */
    @Test
    void theOfferedLanguagesAreTheShippedBundles() throws IOException {
        Set<String> offered = ConfigLoader.SUPPORTED_LOCALES.stream().skip(1)
                .map(tag -> "messages_" + Locale.forLanguageTag(tag).getLanguage() + ".properties")
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(offered).isEqualTo(new TreeSet<>(shippedBundles()));
        assertThat(ConfigLoader.SUPPORTED_LOCALES.get(0)).isEqualTo("zh-CN");
    }

    /** A Uyghur text left in Chinese (copied from the base) is a missing translation too. */
    @Test
    void theUyghurBundleHasNoChineseLeftIn() throws IOException {
        Properties ug = properties("messages_ug.properties");
        Pattern han = Pattern.compile("\\p{IsHan}");
        Set<String> chinese = ug.stringPropertyNames().stream().filter(k -> han.matcher(ug.getProperty(k)).find())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(chinese).as("Uyghur texts with Chinese characters").isEmpty();
        assertThat(han.matcher("请取走").find()).as("the pattern finds Chinese").isTrue();
    }

    /**
     * The Mongolian bundle is the vertical half of the bilingual screens: the Chinese half comes from the base, so a
     * Chinese character in it is a missing translation too; and it is in the traditional script (a value with
     * letters has Mongolian letters), not Cyrillic or Latin transliteration.
     */
    @Test
    void theMongolianBundleIsInTheTraditionalScriptWithNoChinese() throws IOException {
        Properties mn = properties("messages_mn.properties");
        Pattern han = Pattern.compile("\\p{IsHan}");
        Pattern mongolian = Pattern.compile("\\p{IsMongolian}");
        Pattern cyrillic = Pattern.compile("\\p{IsCyrillic}");
        Set<String> chinese = new TreeSet<>();
        Set<String> notMongolian = new TreeSet<>();
        // Values that are only a pattern, numbers, a separator or Latin shorthand (ABC, a command example).
        Set<String> symbolsOnly = Set.of("maintenance.journal.status", "maintenance.journal.detail",
                "maintenance.field", "guide.material.line", "guide.step", "apply.field.from-card.line",
                "progress.return.reason", "guide.list-separator", "progress.deferral.separator", "keyboard.to-latin",
                "progress.step", "progress.step.state");
        for (String k : mn.stringPropertyNames()) {
            String v = mn.getProperty(k);
            if (han.matcher(v).find()) {
                chinese.add(k);
            }
            if (!symbolsOnly.contains(k) && (!mongolian.matcher(v).find() || cyrillic.matcher(v).find())) {
                notMongolian.add(k);
            }
        }
        assertThat(chinese).as("Mongolian texts with Chinese characters").isEmpty();
        assertThat(notMongolian).as("texts not in the traditional Mongolian script").isEmpty();
        assertThat(I18n.bundle(I18n.MN_CN).getString("shell.finish")).isEqualTo("ᠳᠠᠭᠤᠰᠬᠠᠬᠤ");
        // The screens' horizontal text on a Mongolian screen is the Chinese; the Mongolian is the vertical half.
        assertThat(I18n.format(I18n.MN_CN, "shell.finish")).isEqualTo("结束办理");
        assertThat(I18n.mongolian("guide.time-limit.promised", 5)).isEqualTo("ᠠᠮᠠᠯᠠᠭᠰᠠᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ: 5 ᠠᠵᠢᠯ\u202Fᠤᠨ ᠡᠳᠦᠷ");
    }

    @Test
    void chineseIsTheBaseAndEnglishAndUyghurAreSelectable() {
        assertThat(I18n.bundle(Locale.SIMPLIFIED_CHINESE).getString("shell.finish")).isEqualTo("结束办理");
        assertThat(I18n.bundle(Locale.ENGLISH).getString("shell.finish")).isEqualTo("Finish");
        assertThat(I18n.bundle(I18n.UG_CN).getString("shell.finish")).isEqualTo("ئاخىرلاشتۇرۇش");
        assertThat(I18n.format(I18n.UG_CN, "guide.time-limit.promised", 5).replace("\u200E", ""))
                .isEqualTo("ۋەدە قىلىنغان ۋاقىت چېكى: 5 خىزمەت كۈنى");
    }

    /** Uyghur texts get a left-to-right mark after each space between two Uyghur words, and nowhere else. */
    @Test
    void uyghurTextsAreMadeWrappableForJavaFx() {
        assertThat(I18n.wrappable("ئىش نومۇرى: ZZ-0031 تامام، ئېلىڭ"))
                .isEqualTo("ئىش \u200Eنومۇرى: ZZ-0031 تامام، \u200Eئېلىڭ");
        assertThat(I18n.format(Locale.ENGLISH, "shell.finish")).isEqualTo("Finish");
        // An ID number inside a Uyghur sentence is led by a left-to-right mark, so its digit groups keep their order.
        assertThat(I18n.format(I18n.UG_CN, "apply.field.from-card.line", "كىملىك", "110***********1232"))
                .isEqualTo("كىملىك: \u200E110***********1232\u200E");
        assertThat(I18n.format(Locale.ENGLISH, "apply.field.from-card.line", "ID", "110***********1232"))
                .isEqualTo("ID: 110***********1232");
    }

    /** The provenance of a machine translation stays with it: the Uyghur bundle says who translated it and whether it was reviewed. */
    @Test
    void theUyghurBundleSaysWhereItsTranslationComesFrom() throws IOException {
        String text = Files.readString(BUNDLES.resolve("messages_ug.properties"));
        assertThat(text).contains("PROVENANCE:").contains("machine translation").contains("NOT YET REVIEWED");
    }

    private static List<String> shippedBundles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("messages_") && n.endsWith(".properties")).sorted().toList();
        }
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
        return new TreeSet<>(properties(file).stringPropertyNames());
    }

    private static Properties properties(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18n.class.getResourceAsStream("/org/govkiosk/app/i18n/" + file)) {
            assertThat(in).as(file).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
