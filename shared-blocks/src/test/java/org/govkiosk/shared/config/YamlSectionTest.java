package org.govkiosk.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlSectionTest {

    private final List<String> problems = new ArrayList<>();

    private YamlSection read(String yaml) {
        JsonNode root = YamlFiles.readMapping("config/catalog.yaml", yaml, "sections of keys", problems).orElseThrow();
        return YamlSection.root("config/catalog.yaml", root, problems);
    }

    private enum Medium { A4, RECEIPT_80MM }

    @Test
    void anUnknownKeyIsNamedWithItsPathAndTheKeyProbablyMeant() {
        YamlSection item = read("""
                items:
                  - code: '001'
                  - code: '002'
                    promised-dayz: 5
                    colour: red
                """).list("items", true).get(1);
        item.onlyKeys("code", "promised-days", "legal-days");

        assertThat(problems).containsExactly(
                "config/catalog.yaml: items[1].promised-dayz: unknown key (did you mean 'promised-days'?); "
                        + "allowed here: code, legal-days, promised-days",
                "config/catalog.yaml: items[1].colour: unknown key; allowed here: code, legal-days, promised-days");
    }

    @Test
    void otherSpellingsAndSlipsFindTheKeyButFarOffWordsDoNot() {
        List<String> known = List.of("idle-timeout", "promised-days", "port", "max-connections-per-address");
        assertThat(YamlFiles.similarKey("idle_timeout", known)).contains("idle-timeout");
        assertThat(YamlFiles.similarKey("idleTimeout", known)).contains("idle-timeout");
        assertThat(YamlFiles.similarKey("idle-timout", known)).contains("idle-timeout");
        assertThat(YamlFiles.similarKey("promised-dys", known)).contains("promised-days");
        assertThat(YamlFiles.similarKey("promsed-dys", known)).as("two slips in a long word").contains("promised-days");
        assertThat(YamlFiles.similarKey("max-connection-per-adress", known))
                .contains("max-connections-per-address");
        assertThat(YamlFiles.similarKey("prot", known)).as("two letters swapped: one slip").contains("port");
        assertThat(YamlFiles.similarKey("pots", known)).as("two slips in a short word").isEmpty();
        assertThat(YamlFiles.similarKey("colour", known)).isEmpty();
    }

    @Test
    void typeErrorsNameTheFileThePathAndTheValue() {
        YamlSection root = read("""
                items:
                  - time-limit:
                      promised-days: five
                    name: [a, b]
                    urgent: maybe
                    wait: soon
                    medium: reciept-80mm
                """);
        YamlSection item = root.list("items", true).get(0);
        YamlSection limit = item.section("time-limit", true).orElseThrow();

        assertThat(limit.integer("promised-days", 0, 365, true)).isEmpty();
        assertThat(item.string("name", true)).isEmpty();
        assertThat(item.bool("urgent", false)).isFalse();
        assertThat(item.duration("wait", Duration.ZERO)).isEmpty();
        assertThat(item.enumValue("medium", Medium.class, true)).isEmpty();
        assertThat(item.section("name", false)).isEmpty();
        assertThat(root.list("items", true)).hasSize(1);

        assertThat(problems).containsExactly(
                "config/catalog.yaml: items[0].time-limit.promised-days: expected a whole number 0..365, got 'five'",
                "config/catalog.yaml: items[0].name: expected text, got a list",
                "config/catalog.yaml: items[0].urgent: expected true or false, got 'maybe'",
                "config/catalog.yaml: items[0].wait: expected a duration like 300ms, 90s, 5m or 1h, got 'soon'",
                "config/catalog.yaml: items[0].medium: 'reciept-80mm' is not one of a4, receipt-80mm "
                        + "(did you mean 'receipt-80mm'?)",
                "config/catalog.yaml: items[0].name: expected a section of keys, got a list");
    }

    @Test
    void valuesOutOfBoundsAreRefusedWithTheBounds() {
        YamlSection s = read("copies: 11\nwidth-mm: 0\nidle: 100ms\nfloor: 0\n");
        assertThat(s.integer("copies", 1, 10, false)).isEmpty();
        assertThat(s.number("width-mm", 0.1, 200, false)).isEmpty();
        assertThat(s.duration("idle", Duration.ofSeconds(1))).isEmpty();
        assertThat(s.integer("floor", 0, 10)).contains(0);
        assertThat(problems).containsExactly(
                "config/catalog.yaml: copies: must be 1..10, got 11",
                "config/catalog.yaml: width-mm: must be 0.1..200, got 0",
                "config/catalog.yaml: idle: must be at least 1s, got 100ms");
    }

    @Test
    void wellFormedValuesAreReadAndAbsentOnesAreEmptyUnlessRequired() {
        YamlSection s = read("""
                code: '007'
                port: 8686
                ratio: 1.5
                on: true
                interval: 5m
                medium: receipt_80mm
                tags: [a, ' b ']
                options: {baud: 9600, parity: none}
                devices: []
                """);
        assertThat(s.quotedString("code", true)).contains("007");
        assertThat(s.integer("port", 1, 65535)).contains(8686);
        assertThat(s.number("ratio", 0, 2, true)).contains(1.5);
        assertThat(s.bool("on")).contains(true);
        assertThat(s.duration("interval", Duration.ZERO)).contains(Duration.ofMinutes(5));
        assertThat(s.enumValue("medium", Medium.class, true)).contains(Medium.RECEIPT_80MM);
        assertThat(s.strings("tags")).containsExactly("a", "b");
        assertThat(s.stringMap("options")).containsEntry("baud", "9600").containsEntry("parity", "none");
        assertThat(s.list("devices")).isEmpty();
        assertThat(s.keys()).startsWith("code", "port");
        assertThat(problems).isEmpty();

        assertThat(s.string("missing", false)).isEmpty();
        assertThat(s.integer("missing", 0, 1)).isEmpty();
        assertThat(problems).isEmpty();
        assertThat(s.string("missing", true)).isEmpty();
        assertThat(s.list("none", true)).isEmpty();
        assertThat(s.list("devices", true)).isEmpty();
        assertThat(s.section("sub", true)).isEmpty();
        assertThat(problems).containsExactly("config/catalog.yaml: missing: required",
                "config/catalog.yaml: none: required list is missing",
                "config/catalog.yaml: devices: must list at least one entry",
                "config/catalog.yaml: sub: required section is missing");
    }

    @Test
    void aNumberWhereTextMustBeQuotedIsAProblem() {
        YamlSection s = read("code: 007\n");
        assertThat(s.quotedString("code", true)).isEmpty();
        assertThat(problems).singleElement().asString().startsWith("config/catalog.yaml: code: write it in quotes");
    }

    @Test
    void translationsAreSharedByTheWholeFileAndMustAgree() {
        YamlSection root = read("""
                a: {zh: 身份证, en: ID card}
                b: 户口簿
                c: [{zh: 身份证, en: Identity card}]
                """);
        assertThat(root.translatable("a", true)).contains("身份证");
        assertThat(root.translatable("b", true)).contains("户口簿");
        assertThat(root.translatableTexts("c", true)).isEmpty();
        assertThat(root.translations()).containsExactly(java.util.Map.entry("身份证", "ID card"));
        assertThat(problems).containsExactly("config/catalog.yaml: c[0].en: '身份证' is translated as 'ID card' at a.en;"
                + " one Chinese text has one English");
    }

    @Test
    void uyghurIsOptionalBesideTheEnglishAndOneChineseTextHasOneUyghur() {
        YamlSection root = read("""
                a: {zh: 身份证, en: ID card, ug: كىملىك}
                b: {zh: 户口簿, en: Household register}
                c: [{zh: 身份证, en: ID card, ug: سالاھىيەت}]
                d: {zh: 社保卡, en: Social security card, uy: خاتا}
                """);
        assertThat(root.translatable("a", true)).contains("身份证");
        assertThat(root.translatable("b", true)).contains("户口簿");
        assertThat(root.translatableTexts("c", true)).isEmpty();
        root.translatable("d", true);
        assertThat(root.uyghurTranslations()).containsExactly(java.util.Map.entry("身份证", "كىملىك"));
        assertThat(root.translations()).containsKeys("身份证", "户口簿");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).isEqualTo("config/catalog.yaml: c[0].ug: '身份证' is translated as 'كىملىك' at"
                + " a.ug; one Chinese text has one Uyghur");
        assertThat(problems.get(1)).startsWith("config/catalog.yaml: d.uy:");
    }

    /** Mongolian (traditional script) is kept the same way: optional, and one Chinese text has one Mongolian. */
    @Test
    void mongolianIsOptionalAndOneChineseTextHasOneMongolian() {
        YamlSection root = read("""
                a: {zh: 身份证, en: ID card, ug: كىملىك, mn: ᠦᠨᠡᠮᠯᠡᠯ}
                b: {zh: 户口簿, en: Household register}
                c: [{zh: 身份证, en: ID card, mn: ᠪᠢᠴᠢᠭ}]
                d: {zh: 社保卡, en: Social security card, mo: ᠺᠠᠷᠲ}
                """);
        assertThat(root.translatable("a", true)).contains("身份证");
        assertThat(root.translatable("b", true)).contains("户口簿");
        assertThat(root.translatableTexts("c", true)).isEmpty();
        root.translatable("d", true);
        assertThat(root.mongolianTranslations()).containsExactly(java.util.Map.entry("身份证", "ᠦᠨᠡᠮᠯᠡᠯ"));
        assertThat(root.uyghurTranslations()).containsExactly(java.util.Map.entry("身份证", "كىملىك"));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).isEqualTo("config/catalog.yaml: c[0].mn: '身份证' is translated as 'ᠦᠨᠡᠮᠯᠡᠯ' at"
                + " a.mn; one Chinese text has one Mongolian");
        assertThat(problems.get(1)).startsWith("config/catalog.yaml: d.mo:");
    }

    @Test
    void fileProblemsNameTheFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("twice.yaml"), "port: 1\nport: 2\n");
        Files.write(dir.resolve("gbk.yaml"), "name: \u529e\u4ef6\n".getBytes("GBK"));
        Files.writeString(dir.resolve("list.yaml"), "- a\n", StandardCharsets.UTF_8);

        assertThat(YamlFiles.readMapping(dir, "twice.yaml", "keys", problems)).isEmpty();
        assertThat(YamlFiles.readMapping(dir, "gbk.yaml", "keys", problems)).isEmpty();
        assertThat(YamlFiles.readMapping(dir, "list.yaml", "keys", problems)).isEmpty();
        assertThat(YamlFiles.readMapping(dir, "none.yaml", "keys", problems)).isEmpty();
        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).startsWith("twice.yaml: line 2").contains("key 'port' is given twice");
        assertThat(problems.get(1)).isEqualTo(
                "gbk.yaml: line 1: not UTF-8 text; save the file as UTF-8 (GBK is not supported)");
        assertThat(problems.get(2)).isEqualTo("list.yaml: expected keys at the top, got a list");
        assertThat(problems.get(3)).startsWith("none.yaml: file not found in ");
        assertThat(Optional.of(problems)).isPresent();
    }
}
