package org.govkiosk.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.govkiosk.app.config.ConfigException;

/**
 * A config directory with a small valid catalog.yaml (two items, every element of the guide), edited by exact
 * text replacement. A replacement that finds nothing, or more than one place, fails the test, so a case cannot
 * pass because its edit silently missed.
 */
final class CatalogFile {

    static final String VALID = """
            departments: [示例市人力资源和社会保障局, 示例市住房公积金管理中心]
            life-events: [就业, 置业]
            items:
              - code: "A-001"
                name: 社会保险参保缴费证明打印
                department: 示例市人力资源和社会保障局
                category: 公共服务
                case-kind: immediate
                life-events: [就业]
                keywords: [社保]
                conditions: [在本市参保的个人]
                materials:
                  - name: 居民身份证
                    requirement: 在有效期内
                    form: original
                    key: true
                    e-licence: resident-id
                  - name: 户口簿
                    requirement: 户主页及本人页
                    form: copy
                    copies: 2
                    deferrable: true
                procedure:
                  - {name: 受理, description: 刷证核验身份}
                  - {name: 办结, description: 当场打印}
                time-limit: {legal-days: 1, promised-days: 0}
                fees: {free: true, basis: 本事项不收费}
                legal-basis: [《中华人民共和国社会保险法》第七十四条]
                contacts:
                  consult: {phone: "12333", place: 二楼人社窗口}
                  complain: {phone: "12345"}
                rating: [本自助终端]
                self-service-print: completion-certificate
                form:
                  - {key: name, label: {zh: 姓名, en: Name}, type: text, required: true, prefill: identity.name}
                  - key: month
                    label: {zh: 起始年月, en: From}
                    type: text
                    pattern: '20[0-9]{2}-[01][0-9]'
                    invalid: {zh: 格式如2024-01, en: Like 2024-01}
              - code: "B-002"
                name: 住房公积金提取
                department: 示例市住房公积金管理中心
                category: 公共服务
                case-kind: promised
                life-events: [置业]
                conditions: [购买自住住房]
                materials:
                  - {name: 购房合同, requirement: 网签合同, form: copy}
                procedure:
                  - {name: 受理, description: 核验材料}
                  - {name: 审核, description: 审核提取条件}
                  - {name: 办结, description: 资金划转}
                time-limit: {legal-days: 3, promised-days: 1}
                fees:
                  free: false
                  basis: 按规定收取
                  items:
                    - {name: 工本费, standard: 每件10元, basis: 某文件}
                legal-basis: [《住房公积金管理条例》第二十四条]
                contacts:
                  consult: {phone: "12329"}
                  complain: {phone: "12345"}
                rating: [窗口评价器]
                form:
                  - {key: phone, label: {zh: 电话, en: Phone}, type: phone, required: true, prefill: contact.phone}
                  - {key: way, label: {zh: 方式, en: Way}, type: choice, choices: [转账, 现金]}
            """;

    private final Path dir;
    private String text = VALID;

    CatalogFile(Path dir) {
        this.dir = dir;
    }

    CatalogFile replace(String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("test setup: the text to replace is in the file: %s", from).isNotNegative();
        assertThat(text.indexOf(from, at + 1)).as("test setup: the text to replace is there once: %s", from)
                .isNegative();
        text = text.substring(0, at) + to + text.substring(at + from.length());
        return this;
    }

    CatalogFile text(String all) {
        text = all;
        return this;
    }

    CatalogFile write() {
        try {
            Files.createDirectories(dir.resolve(CatalogLoader.TEMPLATES_DIR));
            Files.writeString(dir.resolve(CatalogLoader.TEMPLATES_DIR).resolve("completion-certificate.yaml"), "kind: x\n");
            Files.writeString(dir.resolve(CatalogLoader.FILE), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Catalog load() {
        write();
        return CatalogLoader.load(dir);
    }

    List<String> problems() {
        write();
        return problemsWithoutWriting();
    }

    List<String> problemsWithoutWriting() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> CatalogLoader.load(dir));
        assertThat(e).as("the load must fail with a ConfigException").isNotNull();
        assertThat(e.getMessage().lines().toList()).as("the message lists every problem, one per line")
                .isEqualTo(e.problems());
        return e.problems();
    }

    /** The one problem at {@code key}, which must mention every fragment. */
    static String problemAt(List<String> problems, String key, String... fragments) {
        String prefix = CatalogLoader.FILE + ": " + key + ": ";
        List<String> atKey = problems.stream().filter(p -> p.startsWith(prefix)).toList();
        assertThat(atKey).as("problems at %s, among %s", key, problems).hasSize(1);
        assertThat(atKey.get(0).substring(prefix.length())).as("what is wrong").isNotBlank().contains(fragments);
        return atKey.get(0);
    }
}
