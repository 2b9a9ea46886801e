package org.govkiosk.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Search by name, pinyin and initials, and its ranking, on a catalog built here so the cases stay stable. */
class CatalogSearchTest {

    private static final String HRSS = TestCatalog.HRSS;
    private static final String FUND = TestCatalog.FUND;
    private static final String POLICE = TestCatalog.POLICE;

    private static Catalog catalog() {
        return TestCatalog.catalog();
    }

    private static CatalogItem item(String code, String name, String department, List<String> keywords,
            List<String> events) {
        return TestCatalog.item(code, name, department, keywords, events);
    }

    private static List<String> codes(String query) {
        return catalog().search(query).stream().map(CatalogItem::code).toList();
    }

    @Test
    void findsByPartOfTheName() {
        // All three have it inside: the shorter name first.
        assertThat(codes("证明")).containsExactly("P1", "F2", "S1");
        assertThat(codes("缴费证明")).containsExactly("S1");
    }

    @Test
    void findsByPinyinInitials() {
        assertThat(codes("shbx")).containsExactly("X1", "S1");
        assertThat(codes("hjzm")).containsExactly("P1");
        assertThat(codes("SHBX")).as("upper case, as an on-screen keyboard shows it").containsExactly("X1", "S1");
    }

    @Test
    void findsByFullPinyinAndPinyinStillBeingTyped() {
        assertThat(codes("gongjijin")).containsExactly("F2", "F1");
        assertThat(codes("gongjij")).containsExactly("F2", "F1");
        assertThat(codes("hu ji zheng ming")).containsExactly("P1");
    }

    @Test
    void initialsCanUseTwoLetterInitials() {
        // F1 by its name; F2 only by its department, 住房公积金管理中心.
        assertThat(codes("zhfgjj")).containsExactly("F1", "F2");
    }

    @Test
    void charactersPinyinAndInitialsMix() {
        assertThat(codes("社会bx")).containsExactly("X1", "S1");
        assertThat(codes("公积jin")).containsExactly("F2", "F1");
        assertThat(codes("hj证明")).containsExactly("P1");
    }

    @Test
    void uumlautTypedAsV() {
        assertThat(codes("lvse")).containsExactly("L1");
        assertThat(codes("lstd")).containsExactly("L1");
    }

    @Test
    void nameBeforeKeywordBeforeDepartment() {
        // 养老 is in S2's name; 社保 only a keyword of S1 and S2; 公安 only a department.
        assertThat(codes("社保")).containsExactly("S1", "S2");
        assertThat(codes("ylbx")).containsExactly("S2");
        assertThat(codes("公安")).as("equal matches keep the catalog's order").containsExactly("P1", "L1");
        assertThat(codes("gjj")).as("names first, the fund's department after").startsWith("F2", "F1");
    }

    @Test
    void wholeNameBeforeStartBeforeInside() {
        // X1 is 社会保险 itself; S1 starts with it; nothing contains it elsewhere.
        assertThat(codes("社会保险")).containsExactly("X1", "S1");
        // F2 starts with 公积金, F1 has it inside.
        assertThat(codes("公积金")).containsExactly("F2", "F1");
    }

    @Test
    void aWordOfTheEnglishNameBegunFindsTheItemAfterTheChineseMatches() {
        Catalog source = catalog();
        Catalog english = new Catalog(source.departments(), source.lifeEvents(), source.items(), new Translations(
                java.util.Map.of("城乡居民基本养老保险参保登记", "Enrolment in basic pension insurance",
                        "住房公积金提取", "Housing provident fund withdrawal",
                        TestCatalog.POLICE, "Public Security Bureau")));

        assertThat(english.search("pens")).extracting(CatalogItem::code).containsExactly("S2");
        assertThat(english.search("Provident")).extracting(CatalogItem::code).containsExactly("F1");
        assertThat(english.search("security")).as("an English department's words too")
                .extracting(CatalogItem::code).containsExactly("P1", "L1");
        assertThat(english.search("ylbx")).as("pinyin initials find only what they found before")
                .extracting(CatalogItem::code).containsExactly("S2");
        assertThat(english.search("p")).as("one letter is no English word").extracting(CatalogItem::code)
                .doesNotContain("S2", "F1");
    }

    @Test
    void itemCodeFindsTheItem() {
        assertThat(codes("p1")).containsExactly("P1");
    }

    @Test
    void noMatchAndBlankFindNothing() {
        assertThat(codes("xyzq")).isEmpty();
        assertThat(codes("驾驶证")).isEmpty();
        assertThat(codes("   ")).isEmpty();
        assertThat(codes("'!?")).isEmpty();
        assertThat(catalog().search(null)).isEmpty();
    }

    @Test
    void fullWidthInputIsNormalised() {
        assertThat(codes("ＧＪＪ")).startsWith("F2", "F1");
    }

    @Test
    void longRepetitiveInputEndsQuickly() {
        // Each letter could be an initial or a literal: remembered dead ends keep this linear, not exponential.
        assertThat(codes("s".repeat(200))).isEmpty();
    }

    @Test
    void browsesByDepartmentAndLifeEventInDeclaredOrder() {
        Catalog catalog = catalog();
        assertThat(catalog.byDepartment().keySet()).containsExactly(HRSS, FUND, POLICE);
        assertThat(catalog.byDepartment().get(FUND)).extracting(CatalogItem::code).containsExactly("F1", "F2");
        assertThat(catalog.byLifeEvent().keySet()).containsExactly("就业", "置业", "退休");
        assertThat(catalog.byLifeEvent().get("就业")).extracting(CatalogItem::code).containsExactly("S1", "S2");
        assertThat(catalog.byLifeEvent().get("退休")).extracting(CatalogItem::code).containsExactly("S2");
    }

    @Test
    void groupsWithoutItemsAreLeftOut() {
        Catalog catalog = new Catalog(List.of(HRSS, "空部门"), List.of("出生"),
                List.of(item("S1", "社会保险", HRSS, List.of(), List.of())));
        assertThat(catalog.byDepartment().keySet()).containsExactly(HRSS);
        assertThat(catalog.byLifeEvent()).isEmpty();
    }
}
