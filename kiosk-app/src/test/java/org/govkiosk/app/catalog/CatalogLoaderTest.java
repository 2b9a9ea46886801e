package org.govkiosk.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govkiosk.app.catalog.CatalogFile.problemAt;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.govkiosk.api.CaseKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** catalog.yaml as a technician writes it: what loads, and every way it can be wrong, named by key. */
class CatalogLoaderTest {

    @TempDir
    Path dir;

    private CatalogFile file() {
        return new CatalogFile(dir);
    }

    @Test
    void validFileLoadsEveryElement() {
        Catalog catalog = file().load();

        assertThat(catalog.items()).extracting(CatalogItem::code).containsExactly("A-001", "B-002");
        CatalogItem a = catalog.item("A-001").orElseThrow();
        assertThat(a.caseKind()).isEqualTo(CaseKind.IMMEDIATE);
        assertThat(a.timeLimit()).isEqualTo(new TimeLimit(1, 0));
        assertThat(a.materials()).hasSize(2);
        MaterialRequirement id = a.materials().get(0);
        assertThat(id.key()).isTrue();
        assertThat(id.deferrable()).isFalse();
        assertThat(id.eLicence()).contains("resident-id");
        assertThat(id.copies()).as("copies default to one").isEqualTo(1);
        MaterialRequirement hukou = a.materials().get(1);
        assertThat(hukou.form()).isEqualTo(MaterialForm.COPY);
        assertThat(hukou.copies()).isEqualTo(2);
        assertThat(hukou.deferrable()).isTrue();
        assertThat(a.printTemplate()).contains("completion-certificate");
        assertThat(a.contacts().consult()).isEqualTo(new Contact("12333", java.util.Optional.of("二楼人社窗口")));
        assertThat(a.contacts().complain().place()).isEmpty();
        assertThat(a.fees().free()).isTrue();
        FormField name = a.form().get(0);
        assertThat(name.prefill()).contains(Prefill.NAME);
        assertThat(name.label()).isEqualTo(new LocalizedText("姓名", "Name"));
        FormField month = a.form().get(1);
        assertThat(month.required()).isFalse();
        assertThat(month.pattern().orElseThrow().matcher("2024-01").matches()).isTrue();
        assertThat(month.pattern().orElseThrow().matcher("24-01").matches()).isFalse();

        CatalogItem b = catalog.item("B-002").orElseThrow();
        assertThat(b.fees().items()).containsExactly(new Fee("工本费", "每件10元", "某文件"));
        assertThat(b.printableAtTerminal()).isFalse();
        assertThat(b.form().get(1).choices()).containsExactly("转账", "现金");
        assertThat(b.form().get(0).prefill()).contains(Prefill.PHONE);
    }

    @Test
    void plainChineseTextsHaveNoEnglish() {
        Catalog catalog = file().load();

        CatalogItem a = catalog.item("A-001").orElseThrow();
        assertThat(a.english().english(a.name())).isEmpty();
        assertThat(catalog.english().isEmpty()).isTrue();
    }

    @Test
    void namesDepartmentsLifeEventsCategoriesAndPartsMayGiveTheirEnglish() {
        Catalog catalog = file()
                .replace("departments: [示例市人力资源和社会保障局, 示例市住房公积金管理中心]", "departments:\n"
                        + "  - {zh: 示例市人力资源和社会保障局, en: Example City Human Resources and Social Security Bureau}\n"
                        + "  - 示例市住房公积金管理中心")
                .replace("life-events: [就业, 置业]", "life-events: [{zh: 就业, en: Employment}, 置业]")
                .replace("name: 社会保险参保缴费证明打印", "name: {zh: 社会保险参保缴费证明打印, en: Social insurance certificate}")
                .replace("category: 公共服务\n    case-kind: immediate",
                        "category: {zh: 公共服务, en: Public service}\n    case-kind: immediate")
                .replace("- name: 居民身份证", "- name: {zh: 居民身份证, en: Resident ID card}")
                .replace("{name: 受理, description: 刷证核验身份}", "{name: {zh: 受理, en: Acceptance}, description: 刷证核验身份}")
                .replace("conditions: [在本市参保的个人]", "conditions: [{zh: 在本市参保的个人, en: Insured in this city}]")
                .replace("choices: [转账, 现金]", "choices: [{zh: 转账, en: Bank transfer}, 现金]")
                .load();

        CatalogItem a = catalog.item("A-001").orElseThrow();
        assertThat(a.name()).as("the Chinese stays the official name").isEqualTo("社会保险参保缴费证明打印");
        assertThat(a.category()).isEqualTo("公共服务");
        assertThat(a.department()).isEqualTo("示例市人力资源和社会保障局");
        assertThat(catalog.departments()).containsExactly("示例市人力资源和社会保障局", "示例市住房公积金管理中心");
        assertThat(catalog.lifeEvents()).containsExactly("就业", "置业");
        Translations en = a.english();
        assertThat(en.english(a.name())).contains("Social insurance certificate");
        assertThat(en.english("公共服务")).contains("Public service");
        assertThat(en.english(a.department())).contains("Example City Human Resources and Social Security Bureau");
        assertThat(en.english("就业")).contains("Employment");
        assertThat(en.english("居民身份证")).contains("Resident ID card");
        assertThat(en.english("受理")).contains("Acceptance");
        assertThat(en.english("在本市参保的个人")).contains("Insured in this city");
        assertThat(en.english("置业")).as("a plain text has no English").isEmpty();
        assertThat(en.english("刷证核验身份")).isEmpty();
        CatalogItem b = catalog.item("B-002").orElseThrow();
        assertThat(b.form().get(1).choices()).as("choices stay Chinese: they are what is filed")
                .containsExactly("转账", "现金");
        assertThat(b.english().english("转账")).as("every item has the English of the whole file")
                .contains("Bank transfer");
        assertThat(en.in(java.util.Locale.ENGLISH, "居民身份证")).isEqualTo("Resident ID card");
        assertThat(en.in(java.util.Locale.SIMPLIFIED_CHINESE, "居民身份证")).isEqualTo("居民身份证");
        assertThat(en.chineseOnly(java.util.Locale.ENGLISH, "置业")).isTrue();
    }

    @Test
    void anEmptyEnglishIsAProblem() {
        List<String> problems = file()
                .replace("name: 住房公积金提取", "name: {zh: 住房公积金提取, en: ''}").problems();

        assertThat(problems).containsExactly("catalog.yaml: items[1].name.en: must not be empty");
    }

    @Test
    void aTranslationWithAnUnknownKeyOrNoChineseIsAProblem() {
        List<String> problems = file()
                .replace("category: 公共服务\n    case-kind: promised",
                        "category: {zh: 公共服务, en: Public service, kk: قوعامدىق قىزمەت}\n    case-kind: promised")
                .replace("life-events: [就业, 置业]", "life-events: [就业, {en: Buying a home}]")
                .problems();

        problemAt(problems, "items[1].category.kk", "unknown key", "en, mn, ug, zh");
        problemAt(problems, "life-events[1].zh", "required");
    }

    @Test
    void aTranslationThatIsNotTextIsAProblem() {
        List<String> problems = file().replace("conditions: [购买自住住房]", "conditions: [[购买自住住房]]").problems();

        problemAt(problems, "items[1].conditions[0]", "expected text or {zh: ..., en: ...}");
    }

    @Test
    void oneChineseTextHasOneEnglish() {
        List<String> problems = file()
                .replace("- name: 居民身份证", "- name: {zh: 居民身份证, en: Resident ID card}")
                .replace("{name: 购房合同, requirement: 网签合同, form: copy}",
                        "{name: {zh: 居民身份证, en: Identity card}, requirement: 网签合同, form: copy}")
                .problems();

        problemAt(problems, "items[1].materials[0].name.en", "'居民身份证' is translated as 'Resident ID card'",
                "items[0].materials[0].name.en");
    }

    @Test
    void anItemMayNameItsDepartmentWithTheSameEnglishTheListGives() {
        Catalog catalog = file()
                .replace("departments: [示例市人力资源和社会保障局, 示例市住房公积金管理中心]",
                        "departments: [{zh: 示例市人力资源和社会保障局, en: HRSS Bureau}, 示例市住房公积金管理中心]")
                .replace("department: 示例市人力资源和社会保障局",
                        "department: {zh: 示例市人力资源和社会保障局, en: HRSS Bureau}")
                .load();

        assertThat(catalog.item("A-001").orElseThrow().department()).isEqualTo("示例市人力资源和社会保障局");
    }

    @Test
    void copiesOutOfRangeNamesTheMaterial() {
        List<String> problems = file().replace("copies: 2", "copies: 0").problems();

        assertThat(problems).containsExactly("catalog.yaml: items[0].materials[1].copies: must be 1..10, got 0");
    }

    @Test
    void duplicateItemCodeIsAProblem() {
        List<String> problems = file().replace("\"B-002\"", "\"A-001\"").problems();

        problemAt(problems, "items[1].code", "duplicate item code 'A-001'", "items[0]");
    }

    @Test
    void duplicateItemNameIsAProblem() {
        List<String> problems = file().replace("name: 住房公积金提取", "name: 社会保险参保缴费证明打印").problems();

        problemAt(problems, "items[1].name", "duplicate item name", "items[0]");
    }

    @Test
    void unknownKeyIsNamedWithTheLikelyIntendedOne() {
        List<String> problems = file().replace("legal-basis: [《住房", "legal-basys: [《住房").problems();

        problemAt(problems, "items[1].legal-basys", "unknown key", "did you mean 'legal-basis'");
        // The real key is then missing too: the guide would lack its legal basis.
        problemAt(problems, "items[1].legal-basis", "required");
    }

    @Test
    void everyElementOfTheGuideIsRequired() {
        List<String> problems = file().replace("    fees: {free: true, basis: 本事项不收费}\n", "")
                .replace("    rating: [本自助终端]\n", "")
                .replace("      complain: {phone: \"12345\"}\n    rating: [窗口", "    rating: [窗口")
                .replace("    conditions: [购买自住住房]\n", "")
                .problems();

        problemAt(problems, "items[0].fees", "required");
        problemAt(problems, "items[0].rating", "required");
        problemAt(problems, "items[1].contacts.complain", "required");
        problemAt(problems, "items[1].conditions", "required");
        assertThat(problems).hasSize(4);
    }

    @Test
    void emptyListsOfGuideElementsAreProblems() {
        List<String> problems = file().replace("legal-basis: [《中华人民共和国社会保险法》第七十四条]", "legal-basis: []")
                .problems();

        problemAt(problems, "items[0].legal-basis", "at least one");
    }

    @Test
    void badPrefillAndBadRegexAreProblems() {
        List<String> problems = file().replace("prefill: identity.name", "prefill: identity.nmae")
                .replace("'20[0-9]{2}-[01][0-9]'", "'20[0-9{2}-[01][0-9]'")
                .problems();

        problemAt(problems, "items[0].form[0].prefill", "unknown source 'identity.nmae'", "identity.name");
        problemAt(problems, "items[0].form[1].pattern", "not a valid regular expression");
    }

    @Test
    void prefillMustFitTheFieldType() {
        List<String> problems = file().replace("type: phone, required: true, prefill: contact.phone",
                "type: text, required: true, prefill: contact.phone").problems();

        problemAt(problems, "items[1].form[0].prefill", "type phone", "text");
    }

    @Test
    void patternNeedsAMessageAndChoicesNeedAChoiceField() {
        List<String> problems = file().replace("        invalid: {zh: 格式如2024-01, en: Like 2024-01}\n", "")
                .replace("type: choice, choices", "type: text, choices").problems();

        problemAt(problems, "items[0].form[1].invalid", "required with a pattern");
        problemAt(problems, "items[1].form[1].choices", "only a choice field");
    }

    @Test
    void aDeferrableMaterialHasItsDeferralDaysOrTheDefaultAndNoOtherHasAny() {
        assertThat(file().load().item("A-001").orElseThrow().materials().get(1).deferralDays())
                .isEqualTo(MaterialRequirement.DEFAULT_DEFERRAL_DAYS);
        assertThat(file().replace("    deferrable: true\n", "    deferrable: true\n        deferral-days: 3\n").load()
                .item("A-001").orElseThrow().materials().get(1).deferralDays()).isEqualTo(3);
        assertThat(file().load().item("A-001").orElseThrow().materials().get(0).deferralDays()).isZero();

        problemAt(file().replace("    deferrable: true\n", "    deferrable: true\n        deferral-days: 0\n")
                .problems(), "items[0].materials[1].deferral-days", "1..60");
        problemAt(file().replace("    key: true\n        e-licence", "    key: true\n        deferral-days: 5\n"
                + "        e-licence").problems(), "items[0].materials[0].deferral-days", "deferrable");
    }

    @Test
    void onlyAPromisedItemIsGrantedWhenItsTimeRunsOut() {
        assertThat(file().replace("case-kind: promised\n", "case-kind: promised\n    deemed-approval: true\n")
                .load().items()).hasSize(file().load().items().size());
        problemAt(file().replace("case-kind: immediate\n", "case-kind: immediate\n    deemed-approval: true\n")
                .problems(), "items[0].deemed-approval", "promised time");
    }

    @Test
    void keyMaterialCannotBeDeferrable() {
        List<String> problems = file().replace("    key: true\n        e-licence", "    key: true\n        deferrable: true\n        e-licence")
                .problems();

        problemAt(problems, "items[0].materials[0].deferrable", "key material");
    }

    @Test
    void departmentsAndLifeEventsMustBeDeclared() {
        List<String> problems = file().replace("department: 示例市住房公积金管理中心\n", "department: 示例市公积金中心\n")
                .replace("life-events: [置业]", "life-events: [买房]").problems();

        problemAt(problems, "items[1].department", "示例市公积金中心", "not among the departments");
        problemAt(problems, "items[1].life-events[0]", "买房", "not among the life-events");
    }

    @Test
    void timeLimitsMustAgreeWithTheCaseKind() {
        List<String> problems = file().replace("{legal-days: 1, promised-days: 0}", "{legal-days: 5, promised-days: 2}")
                .replace("{legal-days: 3, promised-days: 1}", "{legal-days: 3, promised-days: 4}").problems();

        problemAt(problems, "items[0].time-limit.promised-days", "immediate", "must be 0");
        problemAt(problems, "items[1].time-limit.promised-days", "may not exceed the legal one");
    }

    @Test
    void procedureHasAtMostThreeStepsUnlessJoint() {
        String fourSteps = "      - {name: 办结, description: 资金划转}\n      - {name: 归档, description: 归档}\n";
        List<String> problems = file().replace("      - {name: 办结, description: 资金划转}\n", fourSteps).problems();

        problemAt(problems, "items[1].procedure", "at most 3 steps", "got 4");
    }

    @Test
    void jointItemNamesItsOtherDepartments() {
        List<String> problems = file().replace("case-kind: promised", "case-kind: joint").problems();

        problemAt(problems, "items[1].co-departments", "joint");

        Catalog ok = new CatalogFile(dir).replace("case-kind: promised",
                "case-kind: 联办件\n    co-departments: [示例市人力资源和社会保障局]").load();
        assertThat(ok.item("B-002").orElseThrow().caseKind()).isEqualTo(CaseKind.JOINT);
    }

    @Test
    void codeWrittenAsANumberIsAProblem() {
        List<String> problems = file().replace("code: \"A-001\"", "code: 0012").problems();

        problemAt(problems, "items[0].code", "quotes");
    }

    @Test
    void missingPrintTemplateIsAProblem() {
        List<String> problems = file().replace("self-service-print: completion-certificate",
                "self-service-print: hukou-certificate").problems();

        problemAt(problems, "items[0].self-service-print", "no print template 'hukou-certificate'");
    }

    @Test
    void templatesCanBeCheckedElsewhere() {
        new CatalogFile(dir).write();

        assertThat(CatalogLoader.load(dir, name -> name.equals("completion-certificate")).items()).hasSize(2);
        org.govkiosk.app.config.ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.govkiosk.app.config.ConfigException.class, () -> CatalogLoader.load(dir, name -> false));
        assertThat(e.problems()).containsExactly("catalog.yaml: items[0].self-service-print: no print template"
                + " 'completion-certificate' among the terminal's templates");
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnce() {
        List<String> problems = file().replace("copies: 2", "copies: 11")
                .replace("case-kind: promised", "case-kind: later")
                .replace("form: copy}", "form: scan}")
                .replace("phone: \"12329\"", "phone: call-us")
                .problems();

        assertThat(problems).containsExactlyInAnyOrder(
                "catalog.yaml: items[0].materials[1].copies: must be 1..10, got 11",
                "catalog.yaml: items[1].case-kind: expected immediate (即办件), promised (承诺件) or joint (联办件), got 'later'",
                "catalog.yaml: items[1].materials[0].form: expected one of original, copy, original-and-copy, form, got 'scan'",
                "catalog.yaml: items[1].contacts.consult.phone: expected a phone number like 12345 or 020-12345678, got 'call-us'");
    }

    @Test
    void missingFileNamesTheDirectory() {
        List<String> problems = file().problemsWithoutWriting();

        assertThat(problems).singleElement().asString().startsWith("catalog.yaml: file not found in ")
                .contains(dir.toAbsolutePath().toString());
    }

    @Test
    void fileNotInUtf8NamesTheLine() throws IOException {
        file().write();
        Files.write(dir.resolve(CatalogLoader.FILE), CatalogFile.VALID.getBytes(Charset.forName("GBK")));

        List<String> problems = file().problemsWithoutWriting();

        // The first non-ASCII character is on line 1 (the departments).
        assertThat(problems).containsExactly(
                "catalog.yaml: line 1: not UTF-8 text; save the file as UTF-8 (GBK is not supported)");
    }

    @Test
    void yamlSyntaxErrorAndRepeatedKeyNameTheLine() {
        List<String> syntax = file().text("items:\n  - code: \"a\n").problems();
        assertThat(syntax).singleElement().asString().startsWith("catalog.yaml: line ").contains("not valid YAML");

        List<String> twice = file().replace("    rating: [窗口评价器]\n", "    rating: [窗口评价器]\n    rating: [又一个]\n")
                .problems();
        assertThat(twice).singleElement().asString().contains("'rating' is given twice");
    }

    @Test
    void emptyFileIsAProblem() {
        assertThat(file().text("# nothing here\n").problems())
                .containsExactly("catalog.yaml: the file is empty (only comments or nothing)");
    }
}
