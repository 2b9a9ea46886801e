package org.govkiosk.app.catalog;

import java.util.List;
import java.util.Optional;
import org.govkiosk.api.CaseKind;

/** A small catalog built in code, for tests whose expectations must not move with the shipped demo file. */
public final class TestCatalog {

    public static final String HRSS = "人力资源和社会保障局";
    public static final String FUND = "住房公积金管理中心";
    public static final String POLICE = "公安局";

    private TestCatalog() {
    }

    /** An immediate item with one key material, one step, no fees, and one form field. */
    public static CatalogItem item(String code, String name, String department, List<String> keywords,
            List<String> events) {
        return new CatalogItem(code, name, department, List.of(), "公共服务", CaseKind.IMMEDIATE, events, keywords,
                List.of("条件"), List.of(new MaterialRequirement("居民身份证", "有效期内", MaterialForm.ORIGINAL, 1, true,
                        false, Optional.empty())),
                List.of(new ProcedureStep("受理", "核验")), new TimeLimit(1, 0),
                new Fees(true, List.of(), "不收费"), List.of("依据"), Optional.empty(), Optional.empty(),
                new Contacts(new Contact("12345", Optional.empty()), new Contact("12345", Optional.empty())),
                List.of("终端"), Optional.empty(), List.of(new FormField("name", new LocalizedText("姓名", "Name"),
                        FieldType.TEXT, true, Optional.empty(), Optional.empty(), List.of(), Optional.empty())));
    }

    public static Catalog catalog() {
        return new Catalog(List.of(HRSS, FUND, POLICE), List.of("就业", "置业", "退休"), List.of(
                item("S1", "社会保险参保缴费证明打印", HRSS, List.of("社保"), List.of("就业")),
                item("S2", "城乡居民基本养老保险参保登记", HRSS, List.of("社保", "养老"), List.of("就业", "退休")),
                item("F1", "住房公积金提取", FUND, List.of(), List.of("置业")),
                item("F2", "公积金缴存证明打印", FUND, List.of(), List.of()),
                item("P1", "户籍证明开具", POLICE, List.of("户口"), List.of()),
                item("L1", "绿色通道预约", POLICE, List.of(), List.of()),
                item("X1", "社会保险", HRSS, List.of(), List.of())));
    }

    /** A promised item with every optional element filled: co-departments, fees, places, deferrable materials. */
    public static CatalogItem fullItem() {
        return new CatalogItem("Q-9", "住房公积金提取（购买自住住房）", FUND, List.of(HRSS), "公共服务", CaseKind.JOINT,
                List.of("置业"), List.of("公积金提取"), List.of("购买自住住房", "账户正常缴存"),
                List.of(new MaterialRequirement("居民身份证", "在有效期内", MaterialForm.ORIGINAL, 1, true, false,
                                Optional.of("resident-id")),
                        new MaterialRequirement("购房发票", "税务已推送的免于提交", MaterialForm.COPY, 2, false, true,
                                Optional.empty())),
                List.of(new ProcedureStep("受理", "核验身份"), new ProcedureStep("审核", "审核条件"),
                        new ProcedureStep("办结", "资金划转")),
                new TimeLimit(3, 1),
                new Fees(false, List.of(new Fee("工本费", "每件10元", "某收费文件")), "按规定收取"),
                List.of("《住房公积金管理条例》第二十四条"), Optional.of("三楼公积金窗口"), Optional.of("周一至周五"),
                new Contacts(new Contact("12329", Optional.of("三楼咨询台")), new Contact("12345", Optional.empty())),
                List.of("窗口评价器", "12345热线"), Optional.empty(),
                List.of(new FormField("name", new LocalizedText("姓名", "Name"), FieldType.TEXT, true,
                        Optional.empty(), Optional.empty(), List.of(), Optional.of(Prefill.NAME))));
    }

    /** The same item, its result printed at the terminal with {@code completion-certificate}. */
    public static CatalogItem printable(CatalogItem i) {
        return new CatalogItem(i.code(), i.name(), i.department(), i.coDepartments(), i.category(), i.caseKind(),
                i.lifeEvents(), i.keywords(), i.conditions(), i.materials(), i.procedure(), i.timeLimit(), i.fees(),
                i.legalBasis(), i.place(), i.hours(), i.contacts(), i.ratingChannels(),
                Optional.of("completion-certificate"), i.form(), i.english());
    }
}
