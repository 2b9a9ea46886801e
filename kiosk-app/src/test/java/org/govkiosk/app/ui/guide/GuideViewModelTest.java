package org.govkiosk.app.ui.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleBooleanProperty;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.TestCatalog;
import org.govkiosk.app.catalog.Translations;
import org.govkiosk.app.i18n.I18n;
import org.junit.jupiter.api.Test;

/** The guide screen's logic, without the UI: sections, language, printing, applying. */
class GuideViewModelTest {

    private final I18n i18n = new I18n(List.of(I18n.ZH_CN, Locale.ENGLISH), I18n.ZH_CN);
    private final List<PrintableGuide> printed = new ArrayList<>();
    private final List<CompletableFuture<Void>> jobs = new ArrayList<>();
    private final SimpleBooleanProperty printerReady = new SimpleBooleanProperty(true);
    private final List<CatalogItem> applied = new ArrayList<>();
    private final GuidePrinter printer = guide -> {
        printed.add(guide);
        CompletableFuture<Void> job = new CompletableFuture<>();
        jobs.add(job);
        return job;
    };
    private final GuideViewModel model = new GuideViewModel(i18n, printer, printerReady, Runnable::run, applied::add);
    private final CatalogItem item = TestCatalog.fullItem();

    private GuideSection section(String id) {
        return model.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void showsEveryElementOfTheGuideInOrder() {
        model.show(item);

        assertThat(model.sections()).extracting(GuideSection::id).containsExactly("basic", "legal-basis",
                "conditions", "materials", "procedure", "time-limit", "fees", "contacts", "rating", "result");
        assertThat(model.sections()).extracting(GuideSection::heading).startsWith("基本信息", "设定依据", "受理条件",
                "申请材料");
        assertThat(section("basic").lines()).containsExactly("事项编码：Q-9", "实施主体：住房公积金管理中心",
                "联办部门：人力资源和社会保障局", "事项类型：公共服务", "办件类型：联办件", "办理地点：三楼公积金窗口",
                "办理时间：周一至周五");
        assertThat(section("legal-basis").lines()).containsExactly("《住房公积金管理条例》第二十四条");
        assertThat(section("conditions").lines()).containsExactly("1. 购买自住住房", "2. 账户正常缴存");
        assertThat(section("materials").lines()).containsExactly(
                "1. 居民身份证（原件 1 份 · 关键材料，不可容缺 · 可用电子证照免提交）：在有效期内",
                "2. 购房发票（复印件 2 份 · 可容缺受理，签署告知承诺书后补交）：税务已推送的免于提交");
        assertThat(section("procedure").lines()).containsExactly("1. 受理：核验身份", "2. 审核：审核条件", "3. 办结：资金划转");
        assertThat(section("time-limit").lines()).containsExactly("法定办结时限：3 个工作日", "承诺办结时限：1 个工作日");
        assertThat(section("fees").lines()).containsExactly("工本费：每件10元（依据：某收费文件）", "收费依据：按规定收取");
        assertThat(section("contacts").lines()).containsExactly("咨询电话：12329；现场咨询：三楼咨询台", "投诉电话：12345");
        assertThat(section("rating").lines()).containsExactly("窗口评价器", "12345热线");
        assertThat(section("result").lines()).containsExactly("办结后请到窗口领取结果，或选择邮寄送达");
    }

    @Test
    void immediateFreePrintableItemSaysSo() {
        model.show(TestCatalog.printable(TestCatalog.catalog().item("S1").orElseThrow()));

        assertThat(section("time-limit").lines()).contains("承诺办结时限：即办（当场办结）");
        assertThat(section("fees").lines()).startsWith("不收费");
        assertThat(section("result").lines()).containsExactly("办结后可在本终端自助打印结果（自助出证）");
        assertThat(section("basic").lines()).contains("办件类型：即办件").noneMatch(l -> l.startsWith("联办部门"));
    }

    @Test
    void englishMarksEveryTextTheCatalogGivesNoEnglishFor() {
        model.show(item);

        i18n.next();

        assertThat(model.title().get()).isEqualTo("住房公积金提取（购买自住住房） (in Chinese only)");
        assertThat(section("basic").heading()).isEqualTo("Basic information");
        assertThat(section("basic").lines()).contains("Department: 住房公积金管理中心 (in Chinese only)",
                "Handling: Handled jointly by several departments");
        assertThat(section("materials").lines().get(0)).isEqualTo("1. 居民身份证 (in Chinese only) (original, 1 piece"
                + " · key material, cannot be missing · an e-licence can replace it): 在有效期内 (in Chinese only)");
        assertThat(section("time-limit").lines()).containsExactly("Legal time limit: 3 working days",
                "Promised time limit: 1 working day");
        assertThat(section("materials").lines().get(1)).startsWith("2. 购房发票 (in Chinese only) (copy, 2 pieces · ");
        assertThat(section("conditions").lines()).containsExactly("1. 购买自住住房 (in Chinese only)",
                "2. 账户正常缴存 (in Chinese only)");
    }

    @Test
    void englishShowsTheEnglishTheCatalogGives() {
        model.show(item.withEnglish(new Translations(Map.of(
                item.name(), "Housing provident fund withdrawal (buying a home)",
                TestCatalog.FUND, "Housing Provident Fund Management Center",
                TestCatalog.HRSS, "Human Resources and Social Security Bureau",
                "公共服务", "Public service",
                "居民身份证", "Resident identity card",
                "在有效期内", "Valid",
                "受理", "Acceptance",
                "购买自住住房", "Bought a home to live in"))));
        assertThat(model.title().get()).as("Chinese first").isEqualTo(item.name());

        i18n.next();

        assertThat(model.title().get()).isEqualTo("Housing provident fund withdrawal (buying a home)");
        assertThat(section("basic").lines()).contains("Department: Housing Provident Fund Management Center",
                "Joint departments: Human Resources and Social Security Bureau", "Type of item: Public service");
        assertThat(section("materials").lines().get(0)).startsWith("1. Resident identity card (original, ")
                .endsWith("): Valid");
        assertThat(section("procedure").lines().get(0)).isEqualTo("1. Acceptance: 核验身份 (in Chinese only)");
        assertThat(section("conditions").lines()).containsExactly("1. Bought a home to live in",
                "2. 账户正常缴存 (in Chinese only)");
        assertThat(section("basic").lines()).noneMatch(l -> l.contains("住房公积金管理中心"));

        i18n.next();

        assertThat(model.title().get()).as("and back to Chinese").isEqualTo(item.name());
        assertThat(section("basic").lines()).contains("实施主体：住房公积金管理中心");
    }

    @Test
    void printsWhatIsShownAndSaysWhenItIsOut() {
        model.show(item);

        model.print();

        assertThat(printed).singleElement().satisfies(guide -> {
            assertThat(guide.title()).isEqualTo(item.name());
            assertThat(guide.itemCode()).isEqualTo("Q-9");
            assertThat(guide.department()).isEqualTo(TestCatalog.FUND);
            assertThat(guide.sections()).isEqualTo(model.sections());
        });
        assertThat(model.printStatusKeyProperty().get()).isEqualTo("guide.print.printing");
        assertThat(model.canPrint().get()).as("no second print while one is running").isFalse();
        model.print();
        assertThat(printed).hasSize(1);

        jobs.get(0).complete(null);

        assertThat(model.printStatusKeyProperty().get()).isEqualTo("guide.print.done");
        assertThat(model.canPrint().get()).isTrue();
    }

    @Test
    void failedPrintSaysSo() {
        model.show(item);
        model.print();

        jobs.get(0).completeExceptionally(new IllegalStateException("paper out"));

        assertThat(model.printStatusKeyProperty().get()).isEqualTo("guide.print.failed");
        assertThat(model.isPrinting()).isFalse();
    }

    @Test
    void printerThatThrowsAtOnceCountsAsFailed() {
        GuideViewModel throwing = new GuideViewModel(i18n, g -> {
            throw new IllegalStateException("no printer");
        }, printerReady, Runnable::run, applied::add);
        throwing.show(item);

        throwing.print();

        assertThat(throwing.printStatusKeyProperty().get()).isEqualTo("guide.print.failed");
        assertThat(throwing.canPrint().get()).isTrue();
    }

    @Test
    void noPrintWithoutAReadyPrinterOrAGuide() {
        model.print();
        assertThat(printed).isEmpty();

        model.show(item);
        printerReady.set(false);
        assertThat(model.canPrint().get()).isFalse();
        model.print();
        assertThat(printed).isEmpty();

        printerReady.set(true);
        assertThat(model.canPrint().get()).isTrue();
    }

    @Test
    void aLatePrintResultDoesNotLabelTheNextGuide() {
        model.show(item);
        model.print();
        model.show(TestCatalog.catalog().item("P1").orElseThrow());

        jobs.get(0).complete(null);

        assertThat(model.printStatusKeyProperty().get()).isEmpty();
        assertThat(model.isPrinting()).isFalse();
    }

    @Test
    void applyHandsTheItemOn() {
        model.apply();
        assertThat(applied).isEmpty();

        model.show(item);
        model.apply();

        assertThat(applied).containsExactly(item);
    }

    @Test
    void sessionEndForgetsTheGuide() {
        model.show(item);
        model.print();

        model.clearSessionData();
        jobs.get(0).complete(null);

        assertThat(model.itemProperty().get()).isNull();
        assertThat(model.sections()).isEmpty();
        assertThat(model.printStatusKeyProperty().get()).isEmpty();
        assertThat(model.canPrint().get()).isFalse();
    }
}
