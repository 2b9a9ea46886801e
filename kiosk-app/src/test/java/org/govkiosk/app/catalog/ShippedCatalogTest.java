package org.govkiosk.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.govkiosk.api.CaseKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo catalog the repository ships (config/catalog.yaml), loaded as the terminal loads it. */
class ShippedCatalogTest {

    private static Catalog catalog;

    /** Surefire sets the property to the repository's config/; from an IDE the module directory is the cwd. */
    static Path repoConfig() {
        return Paths.get(System.getProperty("govkiosk.config.dir", "../config"));
    }

    @BeforeAll
    static void load() {
        // Throws a ConfigException listing every problem if there is one.
        catalog = CatalogLoader.load(repoConfig());
    }

    @Test
    void hasAtLeastFifteenItemsAcrossSixDepartments() {
        assertThat(catalog.items()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(catalog.byDepartment()).hasSizeGreaterThanOrEqualTo(6);
        Set<String> names = catalog.items().stream().map(CatalogItem::name).collect(Collectors.toSet());
        assertThat(names).anyMatch(n -> n.contains("社会保险")).anyMatch(n -> n.contains("医疗保险"))
                .anyMatch(n -> n.contains("户籍证明")).anyMatch(n -> n.contains("不动产登记信息查询"))
                .anyMatch(n -> n.contains("个体工商户")).anyMatch(n -> n.contains("公积金"));
    }

    @Test
    void coversEveryKindOfCaseAndTheMainLifeEvents() {
        assertThat(catalog.items()).extracting(CatalogItem::caseKind)
                .contains(CaseKind.IMMEDIATE, CaseKind.PROMISED, CaseKind.JOINT);
        assertThat(catalog.byLifeEvent().keySet()).contains("出生", "就业", "退休", "置业", "开办企业");
    }

    @Test
    void everyGuideIsComplete() {
        for (CatalogItem item : catalog.items()) {
            assertThat(item.conditions()).as(item.name()).isNotEmpty();
            assertThat(item.materials()).as(item.name()).isNotEmpty();
            assertThat(item.procedure()).as(item.name()).hasSizeBetween(1, item.caseKind() == CaseKind.JOINT ? 5 : 3);
            assertThat(item.legalBasis()).as(item.name()).isNotEmpty();
            assertThat(item.ratingChannels()).as(item.name()).isNotEmpty();
            assertThat(item.form()).as(item.name()).isNotEmpty();
            assertThat(item.fees().basis()).as(item.name()).isNotBlank();
        }
    }

    @Test
    void everyTextACitizenReadsHasItsEnglish() {
        Translations en = catalog.english();
        List<String> texts = new java.util.ArrayList<>(catalog.departments());
        texts.addAll(catalog.lifeEvents());
        for (CatalogItem item : catalog.items()) {
            texts.add(item.name());
            texts.add(item.department());
            texts.addAll(item.coDepartments());
            texts.add(item.category());
            texts.addAll(item.lifeEvents());
            texts.addAll(item.conditions());
            item.materials().forEach(m -> texts.addAll(List.of(m.name(), m.requirement())));
            item.procedure().forEach(s -> texts.addAll(List.of(s.name(), s.description())));
            texts.add(item.fees().basis());
            item.fees().items().forEach(f -> texts.addAll(List.of(f.name(), f.standard(), f.basis())));
            texts.addAll(item.legalBasis());
            item.place().ifPresent(texts::add);
            item.hours().ifPresent(texts::add);
            item.contacts().consult().place().ifPresent(texts::add);
            item.contacts().complain().place().ifPresent(texts::add);
            texts.addAll(item.ratingChannels());
            item.form().forEach(f -> texts.addAll(f.choices().stream().filter(c -> !c.matches("[0-9]+")).toList()));
        }
        assertThat(texts).allSatisfy(zh -> assertThat(en.english(zh)).as(zh).isPresent());
        assertThat(en.english("示例市人力资源和社会保障局"))
                .contains("Example City Human Resources and Social Security Bureau");
    }

    /** Uyghur (issue 20): every item's name, every department and life event; the rest is marked Chinese-only. */
    @Test
    void everyNameDepartmentAndLifeEventHasItsUyghur() {
        java.util.Locale ug = java.util.Locale.forLanguageTag("ug-CN");
        Translations t = catalog.english();
        java.util.List<String> texts = new java.util.ArrayList<>(catalog.departments());
        texts.addAll(catalog.lifeEvents());
        catalog.items().forEach(i -> texts.add(i.name()));
        assertThat(texts).hasSizeGreaterThan(20)
                .allSatisfy(zh -> assertThat(t.translation(ug, zh)).as("Uyghur of %s", zh).isPresent()
                        .get().asString().containsPattern("\\p{IsArabic}"));
        assertThat(t.chineseOnly(ug, catalog.items().get(0).conditions().get(0))).isTrue();
    }

    @Test
    void selfServicePrintingUsesShippedTemplates() {
        List<CatalogItem> printable = catalog.items().stream().filter(CatalogItem::printableAtTerminal).toList();
        assertThat(printable).hasSizeGreaterThanOrEqualTo(5);
        for (CatalogItem item : printable) {
            assertThat(item.caseKind()).as(item.name()).isEqualTo(CaseKind.IMMEDIATE);
            assertThat(Files.isRegularFile(repoConfig().resolve("templates").resolve(item.printTemplate().get() + ".yaml")))
                    .as(item.name()).isTrue();
        }
    }

    @Test
    void formsAndMaterialsCarryWhatApplyingNeeds() {
        assertThat(catalog.items()).allSatisfy(item -> assertThat(item.form())
                .anySatisfy(f -> assertThat(f.prefill()).isPresent()));
        assertThat(catalog.items()).flatExtracting(CatalogItem::materials)
                .anySatisfy(m -> assertThat(m.deferrable()).isTrue())
                .anySatisfy(m -> assertThat(m.eLicence()).contains("hukou-booklet"));
    }

    @Test
    void searchFindsTheDemoItemsByInitials() {
        assertThat(catalog.search("gjj")).isNotEmpty().allSatisfy(i -> assertThat(i.name() + i.keywords()).contains("公积金"));
        assertThat(catalog.search("hjzm")).extracting(CatalogItem::name).first().asString().startsWith("户籍证明");
        assertThat(catalog.search("gtgsh")).extracting(CatalogItem::name).first().asString().startsWith("个体工商户");
    }

    /**
     * The contact phone is required wherever a form asks for it: the case's SMS notices (受理, 补正, 办结) go to it.
     * Identification says so too (identify.phone.hint): optional there, only because queries and printing need none.
     */
    @Test
    void everyFormThatAsksForThePhoneRequiresIt() {
        List<FormField> phones = catalog.items().stream().flatMap(i -> i.form().stream())
                .filter(f -> f.prefill().filter(p -> p == Prefill.PHONE).isPresent()).toList();
        assertThat(phones).isNotEmpty().allSatisfy(f -> {
            assertThat(f.required()).as(f.key()).isTrue();
            assertThat(f.type()).isEqualTo(FieldType.PHONE);
        });
    }
}
